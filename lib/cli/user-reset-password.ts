// `npm run user:reset-password -- --email a@b.c`
// Gives the user a new random one-time password, printed once (they must choose a new one at next sign-in), and
// ends all of the user's sessions. For an operator who
// cannot reach the admin page (the only admin forgot their password).
import { parseArgs } from "node:util";
import { createDb, db, installDb } from "@/lib/db";
import { openCliDatabase, type CliDatabase } from "@/lib/database/cli-database";
import { AppError } from "@/lib/errors";
import { resetPasswordRecord } from "@/lib/users/passwords";
import { emailSchema } from "@/lib/validation/users";

const USAGE = "Usage: npm run user:reset-password -- --email <email>";

let database: CliDatabase | undefined;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, help: { type: "boolean", default: false } },
  });
  const email = emailSchema.safeParse(values.email ?? "");
  if (values.help || !email.success) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  database = await openCliDatabase();
  installDb(createDb(database.url, database.maxConnections));
  const { password } = await resetPasswordRecord({ email: email.data }, { actor: null, via: "cli" });
  console.log(`Reset the password of ${email.data}; every session of the user has ended.`);
  console.log("The user must choose a new password at the next sign-in.");
  console.log(`One-time password (shown once): ${password}`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    console.error(err instanceof AppError ? err.message : `user:reset-password failed: ${(err as Error).message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    try {
      await db.$disconnect();
    } catch {
      // Nothing was connected (usage error).
    }
    await database?.close();
  });
