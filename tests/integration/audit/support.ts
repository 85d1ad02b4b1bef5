// Helpers for the audit integration tests: an unreachable database, a temporary spool, chain checks.
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { abandonLease } from "@/lib/audit/heartbeat";
import { createDb, type Db } from "@/lib/db";
import { openTestDatabase, type TestDatabase } from "@/tests/support/db";
import { tempDir } from "@/tests/support/temp-dir";

/** A loopback port nothing listens on: connections are refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export async function refusingDb(): Promise<Db> {
  return createDb(`postgresql://postgres@127.0.0.1:${await closedPort()}/postgres?sslmode=disable`, 2);
}

/** A server that accepts connections and never answers (a black-holed database). */
export async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export function tempSpoolDir(): string {
  return join(tempDir("audit-spool"), "audit-spool");
}

export const viewer = { id: "u-viewer", email: "vera@example.com", name: "Vera", role: "viewer" as const };
export const buyer = { id: "u-buyer", email: "bob@example.com", name: "Bob", role: "buyer" as const };
export const admin = { id: "u-admin", email: "ada@example.com", name: "Ada", role: "admin" as const };

export function correlationId(i: number): string {
  return i.toString(16).padStart(32, "0");
}

/** Intents that no event points at. */
export async function openIntentCount(db: Db): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS n FROM "audit_events" i
    WHERE i.outcome = 'intent' AND NOT EXISTS (SELECT 1 FROM "audit_events" o WHERE o.intent_id = i.id)`;
  return Number(rows[0]!.n);
}

export async function seqs(db: Db): Promise<number[]> {
  const rows = await db.auditEvent.findMany({ select: { seq: true }, orderBy: { seq: "asc" } });
  return rows.map((r) => Number(r.seq));
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** An instance that died: it stops beating, and its last heartbeat is an hour old (database clock). */
export async function killInstance(db: Db, instanceId: string): Promise<void> {
  abandonLease(instanceId);
  await db.$executeRaw`INSERT INTO "audit_instances" (id, heartbeat_at) VALUES (${instanceId}::uuid, now() - interval '1 hour')
    ON CONFLICT (id) DO UPDATE SET heartbeat_at = now() - interval '1 hour'`;
}

/** Runs `fn` on a database of its own, opened for it and closed after (for scenarios that rewrite the chain). */
export async function withDatabase(fn: (t: TestDatabase) => Promise<void>): Promise<void> {
  const t = await openTestDatabase();
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

/** The correlation id whose events the test trigger refuses (refuseMarkedEvents). */
export const REFUSED = "refused-by-trigger";
/** The correlation id whose outcomes (not intents) the test trigger refuses. */
export const REFUSED_OUTCOME = "outcome-refused-by-trigger";

/**
 * Makes the database refuse one kind of audit row, as a constraint refuses a bad row: a trigger raising for
 * events whose correlation id is REFUSED, and for outcomes whose correlation id is REFUSED_OUTCOME. Other rows
 * are written as ever.
 */
export async function refuseMarkedEvents(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_marked_event() RETURNS trigger AS $$
    BEGIN
      IF NEW.correlation_id = '${REFUSED}'
        OR (NEW.correlation_id = '${REFUSED_OUTCOME}' AND NEW.outcome <> 'intent') THEN
        RAISE EXCEPTION 'audit event refused by the test trigger';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER refuse_marked_event BEFORE INSERT ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION refuse_marked_event()`);
}
