import "server-only";
import { type PasswordHasher, bcryptHasher } from "@/lib/auth/password";
import type { Role } from "@/lib/authz";
import { type Db, db as processDb } from "@/lib/db";

export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.local", name: "Demo Admin", role: "admin" },
  { email: "buyer@demo.local", name: "Demo Buyer", role: "buyer" },
  { email: "viewer@demo.local", name: "Demo Viewer", role: "viewer" },
];

/**
 * Sandbox mode only (the launcher decides): makes sure the three demo users exist and sign in with `password`.
 * Existing demo users keep their role and status; only a password that no longer matches is replaced.
 */
export async function seedDemoUsers(
  password: string,
  db: Db = processDb,
  hasher: PasswordHasher = bcryptHasher,
): Promise<void> {
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email } });
    if (!existing) {
      await db.user.upsert({
        where: { email: demo.email },
        create: { ...demo, passwordHash: await hasher.hash(password) },
        update: {},
      });
    } else if (!existing.passwordHash || !(await hasher.compare(password, existing.passwordHash))) {
      await db.user.update({
        where: { id: existing.id },
        data: { passwordHash: await hasher.hash(password), sessionVersion: { increment: 1 } },
      });
    }
  }
}
