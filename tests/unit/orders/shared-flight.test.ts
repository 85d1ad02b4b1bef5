import { describe, expect, it } from "vitest";
import { flightsSettled, sharedFlight, writeSettled } from "@/lib/orders/shared-flight";

// Concurrent reads of one order (or one live search page) share one Ingram call and one index write. The answer
// does not wait for the write; the next reader of the same key can wait for it (writeSettled) before it reads
// the index.

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

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
    const both = Promise.all([sharedFlight("detail A", work), sharedFlight("detail A", work)]);
    expect(writeSettled("detail A")).toBeUndefined();
    ingram.open();
    expect(await both).toEqual(["answer 1", "answer 1"]);
    expect(calls).toBe(1);
    expect(written).toBe(false);
    // No write to wait for while Ingram is asked; the next reader of the key waits for it once answered.
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

  it("shares an answer until its write has settled, then starts a new run", async () => {
    const write = gate();
    expect(await sharedFlight("detail B", async () => ({ value: 1, write: write.opened }))).toBe(1);
    // A caller that read the index before the write landed joins the answer.
    expect(await sharedFlight("detail B", async () => ({ value: 2 }))).toBe(1);
    const settled = writeSettled("detail B")!;
    write.open();
    await settled;
    expect(writeSettled("detail B")).toBeUndefined();
    // One that waited for the write (and still found the index without the answer) asks again.
    expect(await sharedFlight("detail B", async () => ({ value: 3 }))).toBe(3);
  });

  it("lets a failed run go at once, and a failed write neither throws nor keeps the key waiting", async () => {
    await expect(
      sharedFlight("search C", async () => {
        throw new Error("Ingram down");
      }),
    ).rejects.toThrow("Ingram down");
    expect(await sharedFlight("search C", async () => ({ value: 1, write: Promise.reject(new Error("db")) }))).toBe(1);
    await writeSettled("search C");
    await flightsSettled();
    expect(writeSettled("search C")).toBeUndefined();
  });

  it("waits, in flightsSettled, for runs still asking and for writes still going", async () => {
    const ingram = gate();
    const write = gate();
    let done = false;
    const flight = sharedFlight("detail D", async () => {
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
