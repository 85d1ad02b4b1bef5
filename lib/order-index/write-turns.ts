import "server-only";
import { settled } from "@/lib/settled";

// Shared by every bundle of this process (pages and route handlers each get their own module copy).
const slot = globalThis as unknown as { orderdeskIndexTurns?: Map<string, Promise<void>> };
const tails = (slot.orderdeskIndexTurns ??= new Map());

/**
 * Runs `write` once every write of these index rows that started before it in this process has settled, so
 * that writes of one order land in the order they started: a read's write, which its answer does not wait for
 * (lib/orders/get-order.ts), never lands over a change's write-through that started after it. Keys are order
 * numbers of one account; writes of other rows run at once. Across instances the last writer still wins.
 */
export function inTurn<T>(keys: string[], write: () => Promise<T>): Promise<T> {
  const before = [...new Set(keys.map((k) => tails.get(k)).filter((t) => t !== undefined))];
  const run = before.length ? Promise.all(before).then(write) : write();
  const tail = settled(run);
  for (const k of keys) tails.set(k, tail);
  void tail.then(() => {
    for (const k of keys) if (tails.get(k) === tail) tails.delete(k);
  });
  return run;
}
