import "server-only";
import type { Db } from "@/lib/db";
import type { IndexAccount } from "./index-writes";
import { keptPerClient } from "./kept-per-client";

/** The choices the list's vendor and end-customer filters offer: what the account's indexed orders name. */
export interface ListFacets {
  /** Every vendor on any line of any order, most orders first. */
  vendors: string[];
  /** End customers, most orders first. */
  endCustomers: string[];
}

const MAX_VENDORS = 200;
const MAX_END_CUSTOMERS = 300;

/** Accounts whose choices a process keeps (one per deployment; tests make more). */
const KEPT_ACCOUNTS = 100;

/**
 * Read once per index generation (order_index_generation, raised by every write of what a filter reads or the
 * list shows) and account, so a list view costs one small read while nothing changed; the generation is read in
 * the same statement as the facets.
 */
const kept = keptPerClient<{ generation: string; facets: ListFacets }>(KEPT_ACCOUNTS);

export async function listFacets(db: Db, account: IndexAccount): Promise<ListFacets> {
  const key = `${account.customerNumber}|${account.countryCode}`;
  const [gen] = await db.$queryRaw<{ generation: string }[]>`
    SELECT generation || ':' || token AS generation FROM order_index_generation WHERE id = 1`;
  const hit = kept.get(db, key);
  if (hit && gen && hit.generation === gen.generation) return hit.facets;
  const [row] = await db.$queryRaw<{ generation: string; vendors: string[] | null; end_customers: string[] | null }[]>`
    SELECT (SELECT generation || ':' || token FROM order_index_generation WHERE id = 1) AS generation,
      (SELECT array_agg(v ORDER BY n DESC, v) FROM (
        SELECT x AS v, count(*) AS n FROM order_index o, unnest(o.vendor_names) AS x
        WHERE o.customer_number = ${account.customerNumber} AND o.country_code = ${account.countryCode}
          AND o.parent_order_number IS NULL AND x <> ''
        GROUP BY x ORDER BY n DESC, x LIMIT ${MAX_VENDORS}) AS t) AS vendors,
      (SELECT array_agg(c ORDER BY n DESC, c) FROM (
        SELECT o.end_customer_name AS c, count(*) AS n FROM order_index o
        WHERE o.customer_number = ${account.customerNumber} AND o.country_code = ${account.countryCode}
          AND o.parent_order_number IS NULL AND o.end_customer_name <> ''
        GROUP BY o.end_customer_name ORDER BY n DESC, o.end_customer_name LIMIT ${MAX_END_CUSTOMERS}) AS t)
        AS end_customers`;
  const facets = { vendors: row?.vendors ?? [], endCustomers: row?.end_customers ?? [] };
  if (row?.generation) kept.keep(db, key, { generation: row.generation, facets });
  return facets;
}
