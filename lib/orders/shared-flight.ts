import "server-only";

// Shared by every bundle of this process (pages and route handlers each get their own module copy).
const slot = globalThis as unknown as { orderdeskFlights?: Map<string, Promise<unknown>> };
const flights = (slot.orderdeskFlights ??= new Map());

/**
 * One run of `work` for every caller that asks for the same key while it runs, in this process: concurrent
 * reads of one order, or of one live search page, make one Ingram call and one index write between them, and
 * each of them costs the shared Ingram budget once. Callers that come after it settled start a new run.
 */
export function sharedFlight<T>(key: string, work: () => Promise<T>): Promise<T> {
  const running = flights.get(key) as Promise<T> | undefined;
  if (running) return running;
  const flight = work().finally(() => flights.delete(key));
  flights.set(key, flight);
  return flight;
}
