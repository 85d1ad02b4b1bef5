// The checkpoint file's format: what audit:checkpoint writes is what audit:verify --checkpoint reads back, and
// a damaged file is refused with a message naming what is wrong rather than read as "seq 0, nothing to prove".
import { describe, expect, it } from "vitest";
import { checkpointText, parseCheckpoint } from "@/lib/audit/checkpoint";

describe("checkpoint file", () => {
  it("is one JSON line with the head's seq, hash and when it was taken", () => {
    const text = checkpointText({ seq: 42, hash: "hmac-sha256:ab" }, new Date("2026-03-04T05:06:07.089Z"));
    expect(text).toBe('{"seq":42,"hash":"hmac-sha256:ab","at":"2026-03-04T05:06:07.089Z"}\n');
    expect(parseCheckpoint(text)).toEqual({ seq: 42, hash: "hmac-sha256:ab" });
  });

  it("reads a seq given as text and the empty chain's seq 0", () => {
    expect(parseCheckpoint('{"seq":"7","hash":"h"}')).toEqual({ seq: 7, hash: "h" });
    expect(parseCheckpoint('{"seq":0,"hash":"h"}')).toEqual({ seq: 0, hash: "h" });
    expect(parseCheckpoint(`{"seq":1,"hash":"${"h".repeat(200)}"}`).hash).toHaveLength(200);
  });

  it.each([
    ["{seq: 1}", "the checkpoint is not JSON"],
    ["", "the checkpoint is not JSON"],
    ['{"hash":"h"}', "the checkpoint needs a seq (a number) and a hash"],
    ['{"seq":1}', "the checkpoint needs a seq (a number) and a hash"],
    ['{"seq":1,"hash":""}', "the checkpoint needs a seq (a number) and a hash"],
    [`{"seq":1,"hash":"${"h".repeat(201)}"}`, "the checkpoint needs a seq (a number) and a hash"],
    ['{"seq":-1,"hash":"h"}', "the checkpoint needs a seq (a number) and a hash"],
    ['{"seq":1.5,"hash":"h"}', "the checkpoint needs a seq (a number) and a hash"],
    ['{"seq":"x","hash":"h"}', "the checkpoint needs a seq (a number) and a hash"],
    ['{"seq":1,"hash":"h","at":5}', "the checkpoint needs a seq (a number) and a hash"],
  ])("refuses %j: %s", (text, message) => {
    expect(() => parseCheckpoint(text)).toThrow(new Error(message));
  });
});
