// lib/db.ts's hot reads: prepared once per connection on PostgreSQL, and safe on the embedded database, where
// pglite-socket serves every pool from one PGlite session (named statements of two pools would collide there).
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db, hotQuery } from "@/lib/db";
import { useTestDatabase } from "@/tests/support/db";

const t = useTestDatabase();
const opened: Db[] = [];
const open = (max: number) => {
  const d = createDb(t.url, max);
  opened.push(d);
  return d;
};

afterAll(async () => {
  for (const d of opened) await d.$disconnect();
});

const READ = { text: "SELECT $1::int + 1 AS n, now() AS at, '{\"a\":[1]}'::jsonb AS j", values: [41] };

describe("hot reads", () => {
  it("answer with pg's values (numbers, Date, parsed JSON) through the client's own pool", async () => {
    const [row] = await hotQuery<{ n: number; at: Date; j: unknown }>(t.db, READ);
    expect(row).toMatchObject({ n: 42, j: { a: [1] } });
    expect(row?.at).toBeInstanceOf(Date);
  });

  it("two clients of one database each read the same statement, again and again", async () => {
    const a = open(1);
    const b = open(1);
    for (let i = 0; i < 3; i++) {
      const [x] = await hotQuery<{ n: number }>(a, READ);
      const [y] = await hotQuery<{ n: number }>(b, READ);
      expect([x?.n, y?.n]).toEqual([42, 42]);
    }
  });

  it("run on the client's pool from another copy of lib/db.ts too (Next.js has one per layer)", async () => {
    const d = open(2);
    vi.resetModules();
    const copy = await import("@/lib/db");
    expect(copy.hotQuery).not.toBe(hotQuery);
    // pg answers an int8 as a string; Prisma, which a copy without the pool would fall back to, as a BigInt.
    const INT8 = { text: "SELECT $1::int8 AS n", values: [7] };
    expect(await copy.hotQuery(d, INT8)).toEqual([{ n: "7" }]);
    expect(await d.$queryRawUnsafe(INT8.text, 7)).toEqual([{ n: 7n }]);
  });

  it.runIf(t.kind === "postgres")("on PostgreSQL, are prepared once on the connection and reused", async () => {
    const d = open(2);
    for (let i = 0; i < 3; i++) await hotQuery(d, READ);
    // Sequential reads take the pool's most recently idle connection: the one that prepared READ.
    const names = await hotQuery<{ name: string; statement: string }>(d, {
      text: "SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'hot_%'",
      values: [],
    });
    expect(names.filter((r) => r.statement === READ.text)).toHaveLength(1);
  });
});
