import "server-only";

// Shared by every bundle of this process (pages and route handlers each get their own module copy).
const slot = globalThis as unknown as {
  orderdeskFlights?: Map<string, Promise<unknown>>;
  orderdeskFlightWrites?: Map<string, Promise<void>>;
  orderdeskFlightsSettling?: Set<Promise<void>>;
};
/** The runs of each key, from their start until their index write has settled. */
const flights = (slot.orderdeskFlights ??= new Map());
/** The index write of each key's run that has answered, until it settles. */
const writes = (slot.orderdeskFlightWrites ??= new Map());
/** Every run not yet answered and written. */
const settling = (slot.orderdeskFlightsSettling ??= new Set());

/** What a flight answers, and the index write that goes on after the answer. */
export interface Landed<T> {
  value: T;
  write?: Promise<unknown>;
}

const settle = (p: Promise<unknown> | undefined): Promise<void> =>
  Promise.resolve(p).then(
    () => undefined,
    () => undefined,
  );

/**
 * One run of `work` for every caller that asks for the same key while it runs, in this process: concurrent
 * reads of one order, or of one live search page, make one Ingram call and one index write between them, and
 * each of them costs the shared Ingram budget once. Callers get the value without waiting for its index write,
 * and the run stays shared until the write has settled: a caller that read the index before the write landed
 * joins. A reader that comes after the answer waits for the write first (writeSettled) and then reads the
 * index, as it did when the answer waited for the write; callers after the write start a new run.
 */
export function sharedFlight<T>(key: string, work: () => Promise<Landed<T>>): Promise<T> {
  const running = flights.get(key) as Promise<T> | undefined;
  if (running) return running;
  const landed = work();
  const flight = landed.then((l) => l.value);
  flights.set(key, flight);
  const done = () => {
    if (flights.get(key) === flight) flights.delete(key);
  };
  const settled = landed.then((l) => {
    const written = settle(l.write);
    writes.set(key, written);
    return written.then(() => {
      if (writes.get(key) === written) writes.delete(key);
      done();
    });
  }, done);
  settling.add(settled);
  void settled.then(() => settling.delete(settled));
  return flight;
}

/**
 * While the run of `key` has answered but its index write has not settled: when it has. A read of the index
 * that follows an answer of the same key (the next reader of an order) then sees what the answer wrote.
 */
export function writeSettled(key: string): Promise<void> | undefined {
  return writes.get(key);
}

/** Resolves once every run of this process has answered and written (tests: between test cases). */
export async function flightsSettled(): Promise<void> {
  while (settling.size) await Promise.allSettled([...settling]);
}
