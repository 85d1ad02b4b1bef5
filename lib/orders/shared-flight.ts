import "server-only";
import { settled } from "@/lib/settled";

/** A run of one key: its answer, and when it answered (performance.now(); undefined while Ingram is asked). */
interface Flight {
  answer: Promise<unknown>;
  answeredAt?: number;
}

// Shared by every bundle of this process (pages and route handlers each get their own module copy).
const slot = globalThis as unknown as {
  orderdeskFlights?: Map<string, Flight>;
  orderdeskFlightWrites?: Map<string, Promise<void>>;
  orderdeskFlightsSettling?: Set<Promise<void>>;
};
/** The run of each key, from its start until ANSWER_KEPT_MS after its index write has settled. */
const flights = (slot.orderdeskFlights ??= new Map());
/** The index write of each key's run that has answered, until it settles. */
const writes = (slot.orderdeskFlightWrites ??= new Map());
/** Every run not yet answered and written. */
const settling = (slot.orderdeskFlightsSettling ??= new Set());

/** What a run answers, and the index write that goes on after the answer. */
export interface Landed<T> {
  value: T;
  write?: Promise<unknown>;
}

/**
 * How long an answered run stays shareable after its write has settled, for callers asked before the answer
 * that reach it late. Callers asked after the answer never share it, so this bounds only memory, not staleness.
 */
export const ANSWER_KEPT_MS = 1_000;

/**
 * One run of `work` for the callers of one key that overlap it, in this process: concurrent reads of one order,
 * or of one live search page, make one Ingram call and one index write between them, and each of them costs the
 * shared Ingram budget once. A caller gets the value without waiting for its index write. A caller that was asked
 * (`since`, performance.now(): a request's arrival) before the run answered shares it, even when it reaches it
 * after the answer, for ANSWER_KEPT_MS after the write has settled (its sign-in check or index read took longer
 * than Ingram's answer); one asked after the answer starts a new run: it asks for a read made after it asked.
 * A reader of what the write writes can wait for it first (writeSettled).
 */
export function sharedFlight<T>(key: string, since: number, work: () => Promise<Landed<T>>): Promise<T> {
  const running = flights.get(key);
  if (running && (running.answeredAt === undefined || since <= running.answeredAt)) return running.answer as Promise<T>;
  const landed = work();
  const flight: Flight = { answer: landed.then((l) => l.value) };
  flights.set(key, flight);
  const done = () => {
    if (flights.get(key) === flight) flights.delete(key);
  };
  const finished = landed.then((l) => {
    flight.answeredAt = performance.now();
    const written = settled(l.write);
    writes.set(key, written);
    return written.then(() => {
      if (writes.get(key) === written) writes.delete(key);
      // Kept for the callers asked before the answer that have yet to reach it; only they can share it.
      setTimeout(done, ANSWER_KEPT_MS).unref();
    });
  }, done);
  settling.add(finished);
  void finished.then(() => settling.delete(finished));
  return flight.answer as Promise<T>;
}

/**
 * While the last run of `key` has answered but its index write has not settled: when it has. A read of the
 * index that follows an answer of the same key (the next reader of an order) then sees what the answer wrote.
 */
export function writeSettled(key: string): Promise<void> | undefined {
  return writes.get(key);
}

/** Resolves once every run of this process has answered and written (tests: between test cases). */
export async function flightsSettled(): Promise<void> {
  while (settling.size) await Promise.allSettled([...settling]);
}
