import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalForm, canonicalJson, eventHash, isKeyedHash, type ChainFields } from "@/lib/audit/chain";
import { GENESIS_HASH } from "@/lib/audit/types";

const KEY = "unit-test-audit-key-0123456789abcdef";

const base: ChainFields = {
  seq: 7n,
  id: "6f1c2d9e-0b7a-4c47-9d55-1b7c1e2f3a4b",
  at: new Date("2026-01-31T10:20:30.456Z"),
  actorId: "u1",
  actorEmail: "ann@example.com",
  action: "order.cancel",
  orderNumber: "20-RD3QV",
  correlationId: "a".repeat(32),
  intentId: null,
  outcome: "intent",
  request: { reason: "dup", nested: { b: 2, a: [1, { d: 1, c: 2 }] } },
  before: { orderStatus: "ON HOLD" },
  after: null,
  ingramStatus: null,
  ingramErrors: null,
  prevHash: GENESIS_HASH,
};

describe("canonical form", () => {
  it("is sorted-keys JSON of exactly the documented fields", () => {
    const expected =
      '{"action":"order.cancel","actor":{"email":"ann@example.com","id":"u1"},"after":null,' +
      '"at":"2026-01-31T10:20:30.456Z","before":{"orderStatus":"ON HOLD"},"correlationId":"' +
      "a".repeat(32) +
      '","id":"6f1c2d9e-0b7a-4c47-9d55-1b7c1e2f3a4b","ingramErrors":null,"ingramStatus":null,"intentId":null,' +
      '"orderNumber":"20-RD3QV","outcome":"intent","prevHash":"' +
      GENESIS_HASH +
      '","request":{"nested":{"a":[1,{"c":2,"d":1}],"b":2},"reason":"dup"},"seq":"7"}';
    expect(canonicalForm(base)).toBe(expected);
    expect(eventHash(base, KEY)).toBe(`hmac-sha256:${createHmac("sha256", KEY).update(expected).digest("hex")}`);
    // Events hashed before the portal had a key: bare SHA-256, told apart by the missing prefix.
    expect(eventHash(base, null)).toBe(createHash("sha256").update(expected).digest("hex"));
    expect(isKeyedHash(eventHash(base, null))).toBe(false);
    expect(isKeyedHash(eventHash(base, KEY))).toBe(true);
  });

  it("depends on the key: without it nobody recomputes a keyed hash", () => {
    expect(eventHash(base, `${KEY}x`)).not.toBe(eventHash(base, KEY));
  });

  it("does not depend on key order, seq type or how at is given", () => {
    const reordered: ChainFields = {
      ...base,
      seq: 7,
      at: "2026-01-31T10:20:30.456Z",
      request: { nested: { a: [1, { c: 2, d: 1 }], b: 2 }, reason: "dup" },
    };
    expect(eventHash(reordered, KEY)).toBe(eventHash(base, KEY));
  });

  it("treats undefined and null alike, but not an empty object", () => {
    expect(eventHash({ ...base, after: undefined }, KEY)).toBe(eventHash(base, KEY));
    expect(eventHash({ ...base, after: {} }, KEY)).not.toBe(eventHash(base, KEY));
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, 1])).toBe("[null,1]");
  });

  it("changes when any covered field changes", () => {
    const h = eventHash(base, KEY);
    const variants: Partial<ChainFields>[] = [
      { seq: 8n },
      { id: "6f1c2d9e-0b7a-4c47-9d55-1b7c1e2f3a4c" },
      { at: new Date("2026-01-31T10:20:30.457Z") },
      { actorId: "u2" },
      { actorEmail: "bob@example.com" },
      { action: "order.modify" },
      { orderNumber: "20-RD3QW" },
      { correlationId: "b".repeat(32) },
      { intentId: "6f1c2d9e-0b7a-4c47-9d55-1b7c1e2f3a4d" },
      { outcome: "succeeded" },
      { request: { reason: "dup2" } },
      { before: { orderStatus: "SHIPPED" } },
      { after: { orderStatus: "CANCELLED" } },
      { ingramStatus: 200 },
      { ingramErrors: [{ message: "x" }] },
      { prevHash: "1".repeat(64) },
      { instanceId: "6f1c2d9e-0b7a-4c47-9d55-1b7c1e2f3a4e" },
      { outcomeOf: "6f1c2d9e-0b7a-4c47-9d55-1b7c1e2f3a4f" },
      { corrects: "6f1c2d9e-0b7a-4c47-9d55-1b7c1e2f3a40" },
    ];
    for (const v of variants) expect(eventHash({ ...base, ...v }, KEY), Object.keys(v)[0]).not.toBe(h);
  });

  it("leaves instanceId, outcomeOf and corrects out when unset, so older events keep their hashes", () => {
    const h = eventHash(base, KEY);
    expect(eventHash({ ...base, instanceId: null, outcomeOf: null, corrects: null }, KEY)).toBe(h);
    expect(canonicalForm({ ...base, corrects: "c1" })).toContain('"corrects":"c1"');
  });

  it("keeps null actor distinct from an actor", () => {
    expect(canonicalForm({ ...base, actorId: null, actorEmail: null })).toContain('"actor":null');
    // Half an actor is still an actor: only both missing is "no actor".
    expect(canonicalForm({ ...base, actorEmail: null })).toContain('"actor":{"email":null,"id":"u1"}');
    expect(canonicalForm({ ...base, actorId: null })).toContain('"actor":{"email":"ann@example.com","id":null}');
  });

  it("writes big integers and dates inside stored JSON as strings, and what JSON cannot hold as null", () => {
    expect(canonicalJson({ n: 12345678901234567890n })).toBe('{"n":"12345678901234567890"}');
    expect(canonicalJson({ at: new Date("2026-01-31T10:20:30.456Z") })).toBe('{"at":"2026-01-31T10:20:30.456Z"}');
    expect(canonicalJson([() => 1, Symbol("s"), null])).toBe("[null,null,null]");
  });
});
