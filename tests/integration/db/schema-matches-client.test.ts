// Proves the SQL migrations build the database the generated Prisma client expects, on PGlite and (with
// TEST_DB=postgres) on PostgreSQL: every table, column, type, nullability, unique and index, and a round trip
// of every model through the client.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "@/lib/database/apply-migrations";
import { Prisma } from "@/prisma/generated/client/client";
import { useTestDatabase } from "@/tests/support/db";
import { expectedPgType, parsePrismaSchema } from "@/tests/support/prisma-schema";

const schema = parsePrismaSchema();
const t = useTestDatabase();
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

async function columns(table: string) {
  const res = await client.query<{ column_name: string; data_type: string; is_nullable: string; udt_name: string }>(
    `SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  );
  return new Map(res.rows.map((r) => [r.column_name, r]));
}

async function indexDefs(table: string): Promise<string[]> {
  const res = await client.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`,
    [table],
  );
  return res.rows.map((r) => r.indexdef.replace(/"/g, ""));
}

describe(`migrations match the generated client (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("the parsed schema is the one the client was generated from", () => {
    expect(schema.models.map((m) => m.name).sort()).toEqual(Object.keys(Prisma.ModelName).sort());
    for (const model of schema.models) {
      const enumName = `${model.name}ScalarFieldEnum` as keyof typeof Prisma;
      const generated = Object.keys(Prisma[enumName] as object).sort();
      expect(model.fields.map((f) => f.name).sort(), model.name).toEqual(generated);
    }
  });

  it("has every table and column with the expected type and nullability, and nothing else", async () => {
    for (const model of schema.models) {
      const cols = await columns(model.table);
      expect(cols.size, `table ${model.table}`).toBeGreaterThan(0);
      expect([...cols.keys()].sort(), `columns of ${model.table}`).toEqual(model.fields.map((f) => f.column).sort());
      for (const field of model.fields) {
        const col = cols.get(field.column)!;
        expect(col.data_type, `${model.table}.${field.column} type`).toBe(expectedPgType(field, schema.enums));
        if (schema.enums[field.type]) expect(col.udt_name).toBe(field.type);
        const nullable = field.optional || field.list;
        expect(col.is_nullable, `${model.table}.${field.column} nullability`).toBe(nullable ? "YES" : "NO");
      }
    }
  });

  it("has the enums, primary keys, uniques and indexes the schema declares", async () => {
    for (const [name, values] of Object.entries(schema.enums)) {
      const res = await client.query<{ v: string }>(
        `SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
        [name],
      );
      expect(res.rows.map((r) => r.v)).toEqual(values);
    }
    for (const model of schema.models) {
      const defs = await indexDefs(model.table);
      const col = (n: string) => model.fields.find((f) => f.name === n)!.column;
      const has = (unique: boolean, cols: string[]) =>
        defs.some(
          (d) => d.startsWith(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX") && d.endsWith(`(${cols.join(", ")})`),
        );
      expect(has(true, model.id.map(col)), `${model.table} primary key`).toBe(true);
      for (const f of model.fields.filter((f) => f.unique))
        expect(has(true, [f.column]), `${f.column} unique`).toBe(true);
      for (const u of model.uniques) expect(has(true, u.map(col)), `${model.table} @@unique`).toBe(true);
      for (const i of model.indexes) expect(has(false, i.map(col)), `${model.table} @@index ${i}`).toBe(true);
    }
  });

  it("records migrations as `prisma migrate deploy` does, and re-running applies nothing", async () => {
    const rows = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = listMigrations();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const f of files) {
      const sql = readFileSync(join(process.cwd(), "prisma", "migrations", f.name, "migration.sql"));
      const row = rows.rows.find((r) => r.migration_name === f.name)!;
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
    expect(await migrate(t.url)).toEqual([]);
  });

  it("round-trips every model through the generated client", async () => {
    const { db } = t;
    const user = await db.user.create({ data: { email: "schema@test.local", role: "buyer", name: null } });
    expect(user.sessionVersion).toBe(1);
    const throttle = await db.loginThrottle.create({ data: { key: "acct:x", windowStart: new Date() } });
    expect(throttle.lockedUntil).toBeNull();
    await db.auditHead.create({ data: { seq: 0n, hash: "0".repeat(64) } });
    const event = await db.auditEvent.create({
      data: {
        seq: 1n,
        action: "order.cancel",
        outcome: "intent",
        request: { a: [1, "b"] },
        prevHash: "0".repeat(64),
        hash: "h1",
      },
    });
    expect(event.seq).toBe(1n);
    expect(event.request).toEqual({ a: [1, "b"] });
    const idem = await db.idempotencyRecord.create({
      data: { userId: user.id, key: "k-1", operation: "order.create", requestHash: "x", state: "in_flight" },
    });
    await expect(
      db.idempotencyRecord.create({
        data: { userId: user.id, key: "k-1", operation: "o", requestHash: "y", state: "in_flight" },
      }),
    ).rejects.toThrow();
    expect(idem.responseStatus).toBeNull();
    const request = await db.orderRequest.create({
      data: {
        customerOrderNumber: "PO-1",
        status: "pending",
        orderNumbers: ["20-RD128"],
        createdById: user.id,
        createdByEmail: user.email,
        request: { lines: [] },
      },
    });
    expect(request.orderNumbers).toEqual(["20-RD128"]);
    const hook = await db.webhookEvent.create({ data: { eventId: "NYNNHS5UMGAK0X3L4E" } });
    expect(hook.receivedAt).toBeInstanceOf(Date);
    const saved = { customerNumber: "20-222222", countryCode: "US", label: "Dallas DC", labelKey: "dallas dc" };
    const address = await db.shipToAddress.create({ data: { ...saved, address: { city: "Dallas" } } });
    expect(address.address).toEqual({ city: "Dallas" });
    await expect(db.shipToAddress.create({ data: { ...saved, label: "DALLAS DC", address: {} } })).rejects.toThrow();
    const view = await db.savedView.create({
      data: { userId: user.id, name: "Held", query: "orderStatus-in=ON+HOLD" },
    });
    expect(view.createdAt).toBeInstanceOf(Date);
    await expect(db.savedView.create({ data: { userId: user.id, name: "Held", query: "" } })).rejects.toThrow();
  });
});
