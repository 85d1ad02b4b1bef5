import { describe, expect, it, vi } from "vitest";
import { ANSWER_KEPT_MS, flightsSettled, sharedFlight, writeSettled } from "@/lib/orders/shared-flight";

// Concurrent reads of one order (or one live search page) share one Ingram call and one index write. The answer
// does not wait for the write; a caller asked before the answer still shares it (for ANSWER_KEPT_MS after the
// write), one asked after it asks again, and a reader of the index can wait for the write first (writeSettled).

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const now = () => performance.now();

describe("a shared flight", () => {
  it("gives concurrent callers one run's answer without waiting for its write", async () => {
    const ingram = gate();
    const write = gate();
    let calls = 0;
    let written = false;
    const work = async () => {
      calls += 1;
      await ingram.opened;
      return { value: `answer ${calls}`, write: write.opened.then(() => void (written = true)) };
    };
    const both = Promise.all([sharedFlight("detail A", now(), work), sharedFlight("detail A", now(), work)]);
    expect(writeSettled("detail A")).toBeUndefined();
    ingram.open();
    expect(await both).toEqual(["answer 1", "answer 1"]);
    expect(calls).toBe(1);
    expect(written).toBe(false);
    // Once answered, a reader of the index can wait for the write.
    const settled = writeSettled("detail A");
    expect(settled).toBeDefined();
    let waited = false;
    const reader = settled!.then(() => void (waited = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(waited).toBe(false);
    write.open();
    await reader;
    expect(written).toBe(true);
    expect(writeSettled("detail A")).toBeUndefined();
  });

  it("shares an answer with a caller that began before it, not with one that began after it", async () => {
    const write = gate();
    const before = now();
    expect(await sharedFlight("detail B", now(), async () => ({ value: 1, write: write.opened }))).toBe(1);
    // Began before the answer (it read the index without it): the same answer, though it comes late.
    expect(await sharedFlight("detail B", before, async () => ({ value: 2 }))).toBe(1);
    // Began after the answer: a read of its own, while the first write still goes on.
    expect(await sharedFlight("detail B", now(), async () => ({ value: 3 }))).toBe(3);
    write.open();
    await flightsSettled();
    expect(writeSettled("detail B")).toBeUndefined();
    // Asked after every answer so far: a run of its own again.
    expect(await sharedFlight("detail B", now(), async () => ({ value: 4 }))).toBe(4);
  });

  it("keeps an answer after its write for callers asked before it, for ANSWER_KEPT_MS", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const before = now();
      expect(await sharedFlight("detail E", now(), async () => ({ value: 1, write: Promise.resolve() }))).toBe(1);
      await flightsSettled();
      expect(writeSettled("detail E")).toBeUndefined();
      // Asked before the answer and reaching it after its write (a slow sign-in check): no second run.
      expect(await sharedFlight("detail E", before, async () => ({ value: 2 }))).toBe(1);
      // Asked after the answer: never the kept one.
      expect(await sharedFlight("detail E", now(), async () => ({ value: 3 }))).toBe(3);
      await flightsSettled();
      vi.advanceTimersByTime(ANSWER_KEPT_MS);
      // Past the window the run is let go: even a caller asked before it makes a run of its own.
      expect(await sharedFlight("detail E", before, async () => ({ value: 4 }))).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets a failed run go at once, and a failed write neither throws nor keeps the key waiting", async () => {
    const began = now();
    await expect(
      sharedFlight("search C", began, async () => {
        throw new Error("Ingram down");
      }),
    ).rejects.toThrow("Ingram down");
    expect(
      await sharedFlight("search C", began, async () => ({ value: 1, write: Promise.reject(new Error("db")) })),
    ).toBe(1);
    await writeSettled("search C");
    await flightsSettled();
    expect(writeSettled("search C")).toBeUndefined();
  });

  it("waits, in flightsSettled, for runs still asking and for writes still going", async () => {
    const ingram = gate();
    const write = gate();
    let done = false;
    const flight = sharedFlight("detail D", now(), async () => {
      await ingram.opened;
      return { value: "D", write: write.opened.then(() => void (done = true)) };
    });
    const all = flightsSettled();
    ingram.open();
    expect(await flight).toBe("D");
    write.open();
    await all;
    expect(done).toBe(true);
  });
});
