import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";

/*
 * How many orders match a list's filters and what they are worth, across all pages, without counting every
 * match on every page view. A count is cached with the index's generation (order_index_generation, raised by a
 * trigger in the same transaction as every write to order_index) read in the same statement, so in the same
 * snapshot, as the count. It is reused only while the generation read now is the same: no write has committed
 * since, so the count is exact. Paging and re-sorting the same filters (the same WHERE) count once.
 */

export interface MatchCount {
  count: number;
  value: number | null;
}

interface Cached extends MatchCount {
  generation: string;
}

/** Per database client, most recently used last; the generation carries its database's own token too. */
const caches = new WeakMap<Db, Map<string, Cached>>();
const MAX_ENTRIES = 500;

export async function countMatches(db: Db, where: Prisma.Sql): Promise<MatchCount> {
  const cache = caches.get(db) ?? new Map<string, Cached>();
  caches.set(db, cache);
  const key = JSON.stringify([where.sql, where.values]);
  const hit = cache.get(key);
  if (hit) {
    const [row] = await db.$queryRaw<{ generation: string }[]>`
      SELECT generation || ':' || token AS generation FROM order_index_generation WHERE id = 1`;
    cache.delete(key);
    if (row?.generation === hit.generation) {
      cache.set(key, hit);
      return { count: hit.count, value: hit.value };
    }
  }
  const [row] = await db.$queryRaw<Cached[]>`
    SELECT (SELECT generation || ':' || token FROM order_index_generation WHERE id = 1) AS generation,
      count(*)::int AS count, sum(o.total)::float8 AS value
    FROM order_index o WHERE ${where}`;
  const fresh = row ?? { generation: "", count: 0, value: null };
  if (fresh.generation) {
    cache.set(key, fresh);
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return { count: fresh.count, value: fresh.value };
}
