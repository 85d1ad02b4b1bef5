// `npm run user:add -- --email a@b.c --role admin [--name "A B"] [--generate]`
// Creates a portal user in the database at DATABASE_URL. The password comes from stdin when piped, from a
// prompt that does not echo when run in a terminal, or is generated and printed once with --generate.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb, db, installDb } from "@/lib/db";
import { openCliDatabase, type CliDatabase } from "@/lib/database/cli-database";
import { AppError } from "@/lib/errors";
import { createUserRecord } from "@/lib/users/create";
import { addUserSchema } from "@/lib/validation/users";

const USAGE = "Usage: npm run user:add -- --email <email> --role <viewer|buyer|admin> [--name <name>] [--generate]";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const done = (err?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004") return done(new Error("Cancelled."));
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function obtainPassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  if (generate) return { password: randomBytes(18).toString("base64url"), generated: true };
  if (!process.stdin.isTTY) return { password: await readStdin(), generated: false };
  const first = await promptHidden("Password (at least 12 characters): ");
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new Error("The passwords do not match.");
  return { password: first, generated: false };
}

let database: CliDatabase | undefined;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      generate: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || !values.email || !values.role) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const { password, generated } = await obtainPassword(values.generate ?? false);
  const parsed = addUserSchema.safeParse({ email: values.email, role: values.role, name: values.name, password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    return 2;
  }
  database = await openCliDatabase();
  installDb(createDb(database.url, database.maxConnections));
  const user = await createUserRecord(parsed.data, { actor: null, via: "cli" });
  console.log(`Created ${user.role} ${user.email} (${user.id}).`);
  if (generated) console.log(`Password (shown once): ${password}`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    console.error(err instanceof AppError ? err.message : `user:add failed: ${(err as Error).message}`);
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
