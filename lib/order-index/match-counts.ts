import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/client/client";
import { keptPerClient } from "./kept-per-client";

/*
 * How many orders match a list's filters and what they are worth, across all pages, without counting every
 * match on every page view. A count is cached with the index's generation read in the same statement (so in the
 * same snapshot). order_index's trigger raises the generation for every write that can change what a filter
 * matches and logs the row as it was before (order_index_changes, migration 20261130040000). So a cached count
 * is brought up to date from the rows logged since: the current versions that match now minus the earlier
 * versions that matched then, one statement whose cost follows the writes, not the matches. It is counted
 * again when the log no longer reaches back to it (kept ten minutes), when more rows changed since than a count
 * costs (a backfill), or when the filter reads more than a row (`fromChanges: false`).
 */

export interface MatchCount {
  count: number;
  value: number | null;
}

interface Tally {
  /** The generation and database token the tally holds at. */
  generation: string;
  token: string;
  count: number;
  /** How many matches have a total: none, and the value is null (as sum() over none is). */
  valued: number;
  /** The sum of the matches' totals, exact (numeric as text). */
  value: string;
}

const MAX_ENTRIES = 500;
/** Per database client, the last MAX_ENTRIES counted or brought up to date. */
const tallies = keptPerClient<Tally>(MAX_ENTRIES);
/** Past this many rows changed since a cached count, counting the matches again costs less than the changes. */
const MAX_CHANGES = 2_000;

export interface CountOptions {
  /**
   * Whether the filter can be evaluated on a logged earlier version of a row alone. False for a filter that
   * reads other rows of order_index (a sub-order number finds its order): such a count is taken afresh.
   */
  fromChanges: boolean;
}

export async function countMatches(db: Db, where: Prisma.Sql, opts: CountOptions): Promise<MatchCount> {
  const key = JSON.stringify([where.sql, where.values]);
  const cached = tallies.get(db, key);
  tallies.drop(db, key);
  const tally = (cached && opts.fromChanges ? await updated(db, where, cached) : null) ?? (await counted(db, where));
  if (tally.generation) tallies.keep(db, key, tally);
  return { count: tally.count, value: tally.valued > 0 ? Number(tally.value) : null };
}

async function counted(db: Db, where: Prisma.Sql): Promise<Tally> {
  const [row] = await db.$queryRaw<Tally[]>`
    SELECT g.generation::text AS generation, g.token, m.count, m.valued, m.value
    FROM order_index_generation g, LATERAL (
      SELECT count(*)::int AS count, count(o.total)::int AS valued, COALESCE(sum(o.total), 0)::text AS value
      FROM order_index o WHERE ${where}) m
    WHERE g.id = 1`;
  return row ?? { generation: "", token: "", count: 0, valued: 0, value: "0" };
}

/**
 * The cached tally brought up to the generation read now, from the changes logged since it; null when it must
 * be counted afresh (another database, the log pruned past it, or more changes than matches are worth reading).
 */
async function updated(db: Db, where: Prisma.Sql, t: Tally): Promise<Tally | null> {
  const [row] = await db.$queryRaw<(Tally & { usable: boolean })[]>`
    WITH g AS (
      SELECT generation, token,
        token = ${t.token} AND pruned_through <= ${t.generation}::bigint
          AND (SELECT count(*) FROM (SELECT 1 FROM order_index_changes c WHERE c.generation > ${t.generation}::bigint
            LIMIT ${MAX_CHANGES + 1}) x) <= ${MAX_CHANGES} AS usable
      FROM order_index_generation WHERE id = 1
    ),
    changed AS (
      SELECT DISTINCT ON (c.customer_number, c.country_code, c.order_number) c.*
      FROM order_index_changes c, g WHERE g.usable AND c.generation > ${t.generation}::bigint
      ORDER BY c.customer_number, c.country_code, c.order_number, c.generation
    ),
    now AS (
      SELECT count(*)::int AS count, count(o.total)::int AS valued, COALESCE(sum(o.total), 0) AS value
      FROM order_index o JOIN changed k ON k.customer_number = o.customer_number
        AND k.country_code = o.country_code AND k.order_number = o.order_number
      WHERE ${where}
    ),
    was AS (
      SELECT count(*)::int AS count, count(o.total)::int AS valued, COALESCE(sum(o.total), 0) AS value
      FROM changed o WHERE o.existed AND ${where}
    )
    SELECT g.generation::text AS generation, g.token, g.usable,
      ${t.count}::int + now.count - was.count AS count, ${t.valued}::int + now.valued - was.valued AS valued,
      (${t.value}::numeric + now.value - was.value)::text AS value
    FROM g, now, was`;
  if (!row?.usable) return null;
  return { generation: row.generation, token: row.token, count: row.count, valued: row.valued, value: row.value };
}
