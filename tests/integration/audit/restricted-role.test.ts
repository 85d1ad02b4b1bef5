// The README's restricted database role: the portal can append and read the audit log, and cannot change it.
// PostgreSQL only (TEST_DB=postgres); PGlite has a single superuser.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { verifyChain } from "@/lib/audit/verify";
import { createDb, type Db } from "@/lib/db";
import { budgetLimits } from "@/lib/ingram/call-policy";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
import { POSTGRES_ADMIN_URL, testDbKind, useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, tempSpoolDir } from "./support";

const role = `orderdesk_app_${randomBytes(4).toString("hex")}`;
const grants = (dbName: string) => `
  CREATE ROLE ${role} LOGIN;
  GRANT CONNECT ON DATABASE "${dbName}" TO ${role};
  GRANT USAGE ON SCHEMA public TO ${role};
  GRANT SELECT, INSERT, UPDATE, DELETE ON users, login_throttle, idempotency_records, order_requests, webhook_events TO ${role};
  GRANT SELECT, INSERT ON audit_events TO ${role};
  GRANT SELECT, INSERT, UPDATE ON audit_head TO ${role};
  GRANT SELECT, INSERT, UPDATE, DELETE ON audit_instances TO ${role};
  GRANT SELECT, INSERT, DELETE ON ingram_budget_grants TO ${role};
  GRANT USAGE ON SEQUENCE ingram_budget_grants_id_seq TO ${role};
`;

describe.skipIf(testDbKind() !== "postgres")("restricted database role", () => {
  // Registered before the database so that it runs after the database is dropped (afterAll hooks run in
  // reverse): the role cannot be dropped while that database still grants it privileges.
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });
  const t = useTestDatabase("postgres");
  let app: Db;
  let appUrl: string;

  beforeAll(async () => {
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    await c.query(grants(new URL(t.url).pathname.slice(1)));
    await c.end();
    const u = new URL(t.url);
    u.username = role;
    appUrl = u.toString();
    app = createDb(appUrl, 4);
  });
  afterAll(async () => {
    await app?.$disconnect();
  });

  it("appends, reads and verifies, but may not update or delete audit events", async () => {
    const spoolDir = tempSpoolDir();
    const intent = await recordIntent(
      { actor: buyer, action: "order.cancel", orderNumber: "20-R1", correlationId: correlationId(1) },
      { db: app, spoolDir },
    );
    const out = await recordOutcome(intent, { outcome: "succeeded", ingramStatus: 200 }, { db: app, spoolDir });
    expect(out.spooled).toBe(false);
    expect(await verifyChain(app)).toMatchObject({ ok: true, count: 2, lastSeq: 2 });

    const c = new pg.Client({ connectionString: appUrl });
    await c.connect();
    try {
      await expect(c.query(`UPDATE "audit_events" SET outcome = 'failed' WHERE seq = 1`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(c.query(`DELETE FROM "audit_events" WHERE seq = 1`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`TRUNCATE "audit_events"`)).rejects.toThrow(/permission denied/);
    } finally {
      await c.end();
    }
    expect(await t.db.auditEvent.count()).toBe(2);
  });

  it("keeps the shared Ingram budget: records grants and drops expired ones", async () => {
    const budget = new PgBudget(app, budgetLimits({ perMinute: 2 }));
    const e = "GET /restricted-role";
    expect(await budget.acquire({ endpoint: e, priority: "change", now: 0 })).toEqual({ granted: true });
    expect(await budget.acquire({ endpoint: e, priority: "change", now: 1 })).toEqual({ granted: true });
    expect((await budget.acquire({ endpoint: e, priority: "change", now: 2 })).granted).toBe(false);
    expect(await budget.acquire({ endpoint: e, priority: "change", now: 1_000_000 })).toEqual({ granted: true });
    expect(await t.db.ingramBudgetGrant.count({ where: { endpoint: e } })).toBe(1);
  });
});
