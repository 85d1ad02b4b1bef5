import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readCapped, readCappedText } from "@/lib/read-body";

function streamOf(chunks: string[], onPull?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      onPull?.();
      if (i < chunks.length) controller.enqueue(new TextEncoder().encode(chunks[i++]));
      else controller.close();
    },
  });
}

describe("readCapped", () => {
  it("reads a web stream and a Node stream whole when under the cap", async () => {
    expect(await readCappedText(streamOf(["ab", "cd"]), 4)).toBe("abcd");
    expect(await readCappedText(Readable.from([Buffer.from("xy"), Buffer.from("z")]), 3)).toBe("xyz");
    expect((await readCapped(null, 1)).length).toBe(0);
  });

  it("stops reading as soon as the cap is crossed", async () => {
    let pulls = 0;
    const chunks = Array.from({ length: 100 }, () => "x".repeat(10));
    await expect(
      readCapped(
        streamOf(chunks, () => pulls++),
        25,
      ),
    ).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThan(6);
    await expect(readCapped(Readable.from(chunks.map((c) => Buffer.from(c))), 25)).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
  });

  it("refuses a declared length over the cap before reading", async () => {
    let pulls = 0;
    await expect(
      readCapped(
        streamOf(["x"], () => pulls++),
        10,
        { declaredLength: "11" },
      ),
    ).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBe(0);
  });

  it("ends a dripped body at the caller's signal", async () => {
    const ctrl = new AbortController();
    const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    setTimeout(() => ctrl.abort(new Error("deadline")), 20);
    await expect(readCapped(never, 10, { signal: ctrl.signal })).rejects.toThrow("deadline");
  });
});
