import "server-only";
import { clientOf, type Db } from "@/lib/db";

/**
 * What a process keeps between requests for each database client (the process's own, or a test's), checked
 * against the index's generation by whoever reads it back: list pages, match counts, filter choices. At most
 * `max` values per client; past that the least recently kept goes.
 */
export function keptPerClient<V>(max: number) {
  const maps = new WeakMap<object, Map<string, V>>();
  const of = (db: Db) => {
    const client = clientOf(db);
    let kept = maps.get(client);
    if (!kept) maps.set(client, (kept = new Map()));
    return kept;
  };
  return {
    get: (db: Db, key: string): V | undefined => of(db).get(key),
    /** Keeps `value` under `key` as the most recently kept. */
    keep(db: Db, key: string, value: V): void {
      const kept = of(db);
      kept.delete(key);
      kept.set(key, value);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
    },
    drop: (db: Db, key: string): void => void of(db).delete(key),
  };
}
