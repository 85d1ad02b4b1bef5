import "server-only";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { startSync, type SyncRunner } from "./sync-runner";

// The sync runs in the Next.js process that `npm start` launches, started with that process's database client.
// There, because on the embedded database the Next.js process holds the only connection while it runs (the
// embedded server cannot interleave two clients' queries), and on PostgreSQL every instance then runs one
// runner, of which the advisory lock lets exactly one work.

const slot = globalThis as unknown as { orderdeskSync?: SyncRunner };

/** Starts the process's one sync runner, when the launcher asked for it (ORDERDESK_RUN_SYNC) and SYNC_ENABLED. */
export function startProcessSync(db: Db): void {
  if (slot.orderdeskSync || !env.sync.enabled || !env.runSync) return;
  slot.orderdeskSync = startSync({
    ...env.sync,
    db,
    account: { customerNumber: env.ingram.customerNumber, countryCode: env.ingram.countryCode },
    lockUrl: env.embeddedDb || !env.databaseUrl ? null : env.databaseUrl,
  });
}
