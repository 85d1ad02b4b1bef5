import { describe, expect, it } from "vitest";
import { inTurn } from "@/lib/order-index/write-turns";

// Index writes of the same rows land in the order they started, in one process: a read's write, which its
// answer does not wait for, must not land over a change's write-through that started after it.

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("index writes take turns by row", () => {
  it("runs a write of the same row after the one that started before it, however long that one takes", async () => {
    const landed: string[] = [];
    const slow = gate();
    const first = inTurn(["20-222222/US/A"], async () => {
      await slow.opened;
      landed.push("read's write");
    });
    const second = inTurn(["20-222222/US/A"], async () => {
      landed.push("write-through");
      return 7;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(landed).toEqual([]);
    slow.open();
    expect(await second).toBe(7);
    await first;
    expect(landed).toEqual(["read's write", "write-through"]);
  });

  it("waits for every earlier write that shares a row, and for none that shares none", async () => {
    const landed: string[] = [];
    const a = gate();
    const b = gate();
    const onA = inTurn(["A"], async () => {
      await a.opened;
      landed.push("A");
    });
    const onB = inTurn(["B"], async () => {
      await b.opened;
      landed.push("B");
    });
    const page = inTurn(["A", "B", "C"], async () => void landed.push("page of A, B, C"));
    const other = inTurn(["D"], async () => void landed.push("D"));
    await other;
    expect(landed).toEqual(["D"]);
    b.open();
    await onB;
    await new Promise((r) => setTimeout(r, 10));
    expect(landed).toEqual(["D", "B"]);
    a.open();
    await Promise.all([onA, page]);
    expect(landed).toEqual(["D", "B", "A", "page of A, B, C"]);
  });

  it("goes on after an earlier write failed, and hands each caller its own outcome", async () => {
    const failing = inTurn(["E"], async () => {
      throw new Error("database down");
    });
    const next = inTurn(["E"], async () => "written");
    await expect(failing).rejects.toThrow("database down");
    await expect(next).resolves.toBe("written");
    // Nothing is left waiting: a later write of the row runs at once.
    let ran = false;
    const later = inTurn(["E"], async () => void (ran = true));
    expect(ran).toBe(true);
    await later;
  });
});
