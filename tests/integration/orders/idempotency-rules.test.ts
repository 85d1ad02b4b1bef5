// withIdempotency's rules one by one, on a real database: which failures release the key (nothing reached
// Ingram) and which are stored and replayed, what a replay returns byte for byte, and the header parsing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { AppError, type ErrorCode } from "@/lib/errors";
import { idempotentResponse, parseIdempotencyKey, requestHash, withIdempotency } from "@/lib/orders/idempotency";
import { useTestDatabase } from "@/tests/support/db";
import { makeUser } from "@/tests/support/session";

const t = useTestDatabase();

async function buyer(): Promise<Actor> {
  const u = await makeUser(t.db, "buyer");
  return { id: u.id, email: u.email, name: u.name, role: "buyer" };
}

const req = (actor: Actor, key: string, body: unknown = { po: "PO-1" }) => ({
  actor,
  key,
  operation: "order.create",
  body,
  correlationId: "corr-1",
  waitMs: 200,
});

/** Runs `run` under the key and returns what the caller sees: the reply or the error's code. */
async function attempt(r: ReturnType<typeof req>, run: () => Promise<{ status: number; body: unknown }>) {
  try {
    return { reply: await withIdempotency(r, run) };
  } catch (err) {
    return { error: (err as AppError).code };
  }
}

const fail = (code: ErrorCode) => async (): Promise<never> => {
  throw new AppError(code, `failed with ${code}`);
};

describe("withIdempotency", () => {
  it.each<ErrorCode>([
    "db_unavailable",
    "rate_limited",
    "upstream_unavailable",
    "bad_request",
    "unauthenticated",
    "forbidden",
  ])("releases the key after %s, so the same request runs again", async (code) => {
    const actor = await buyer();
    const r = req(actor, randomUUID());
    expect(await attempt(r, fail(code))).toEqual({ error: code });
    expect(await t.db.idempotencyRecord.count({ where: { userId: actor.id } })).toBe(0);
    let runs = 0;
    const again = await attempt(r, async () => ({ status: 201, body: { run: ++runs } }));
    expect(again).toEqual({ reply: { status: 201, body: { run: 1 }, replayed: false } });
  });

  it.each<ErrorCode>(["upstream_timeout", "upstream_bad_gateway", "upstream_rejected", "conflict", "internal"])(
    "keeps the key after %s (Ingram may have acted) and replays the stored error without running again",
    async (code) => {
      const actor = await buyer();
      const r = req(actor, randomUUID());
      expect(await attempt(r, fail(code))).toEqual({ error: code });
      let ran = false;
      const replay = await attempt(r, async () => {
        ran = true;
        return { status: 201, body: {} };
      });
      expect(ran).toBe(false);
      const status = new AppError(code, "x").status;
      expect(replay).toEqual({
        reply: {
          status,
          body: { error: { code, message: `failed with ${code}`, correlationId: "corr-1" } },
          replayed: true,
        },
      });
    },
  );

  it("replays the first reply exactly, key order and a null body included", async () => {
    const actor = await buyer();
    const r = req(actor, randomUUID());
    const first = await attempt(r, async () => ({ status: 201, body: { z: 1, a: [2, { y: 3, b: 4 }] } }));
    expect(first).toEqual({ reply: { status: 201, body: { z: 1, a: [2, { y: 3, b: 4 }] }, replayed: false } });
    const second = await withIdempotency(r, async () => ({ status: 500, body: null }));
    expect(JSON.stringify(second.body)).toBe('{"z":1,"a":[2,{"y":3,"b":4}]}');
    expect(second).toMatchObject({ status: 201, replayed: true });

    const empty = req(actor, randomUUID());
    await withIdempotency(empty, async () => ({ status: 204, body: undefined }));
    const row = await t.db.idempotencyRecord.findUniqueOrThrow({
      where: { userId_key: { userId: actor.id, key: empty.key } },
    });
    expect(row).toMatchObject({ state: "completed", responseStatus: 204, responseBody: "null" });
    expect(await withIdempotency(empty, async () => ({ status: 201, body: 1 }))).toEqual({
      status: 204,
      body: null,
      replayed: true,
    });
  });

  it("a stored body that is not JSON text is replayed as it is", async () => {
    const actor = await buyer();
    const r = req(actor, randomUUID());
    await t.db.idempotencyRecord.create({
      data: {
        id: randomUUID(),
        userId: actor.id,
        key: r.key,
        operation: r.operation,
        requestHash: requestHash(r.operation, r.body),
        state: "completed",
        responseStatus: 201,
        responseBody: "not json {",
      },
    });
    expect(await withIdempotency(r, async () => ({ status: 500, body: null }))).toEqual({
      status: 201,
      body: "not json {",
      replayed: true,
    });
  });

  it("the same key with another body or operation is 422 naming the header, and runs nothing", async () => {
    const actor = await buyer();
    const r = req(actor, randomUUID());
    await withIdempotency(r, async () => ({ status: 201, body: { ok: true } }));
    let ran = false;
    const run = async () => {
      ran = true;
      return { status: 201, body: {} };
    };
    for (const other of [
      { ...r, body: { po: "PO-2" } },
      { ...r, operation: "order_request.create" },
    ]) {
      const err = await withIdempotency(other, run).catch((e: unknown) => e as AppError);
      expect(err).toMatchObject({
        code: "validation_failed",
        status: 422,
        message: "This Idempotency-Key was already used with a different request. Use a new key.",
        fields: { "Idempotency-Key": "Already used with a different request." },
      });
    }
    expect(ran).toBe(false);
  });

  it("a duplicate of a request still in flight waits, then answers 409 with Retry-After 2", async () => {
    const actor = await buyer();
    const r = req(actor, randomUUID());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = withIdempotency({ ...r, waitMs: 60_000 }, async () => {
      await gate;
      return { status: 201, body: { first: true } };
    });
    // The first claim is in place before the duplicate arrives (however slow the machine).
    while (!(await t.db.idempotencyRecord.count({ where: { userId: actor.id, key: r.key } }))) {
      await new Promise((res) => setTimeout(res, 10));
    }
    const dup = await withIdempotency(r, async () => ({ status: 500, body: null })).catch((e: unknown) => e);
    expect(dup).toMatchObject({
      code: "conflict",
      status: 409,
      retryAfterSeconds: 2,
      message: "A request with this Idempotency-Key is still being processed. Try again shortly.",
    });
    release();
    expect(await first).toEqual({ status: 201, body: { first: true }, replayed: false });
    expect(await withIdempotency(r, async () => ({ status: 500, body: null }))).toEqual({
      status: 201,
      body: { first: true },
      replayed: true,
    });
  });
});

describe("withIdempotency, a duplicate in flight", () => {
  it("waits within waitMs for the first request's reply and replays it, running nothing", async () => {
    const actor = await buyer();
    const r = { ...req(actor, randomUUID()), waitMs: 60_000 };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = withIdempotency(r, async () => {
      await gate;
      return { status: 201, body: { first: true } };
    });
    while (!(await t.db.idempotencyRecord.count({ where: { userId: actor.id, key: r.key } }))) {
      await new Promise((res) => setTimeout(res, 10));
    }
    let ran = false;
    const dup = withIdempotency(r, async () => {
      ran = true;
      return { status: 500, body: null };
    }).catch((e: unknown) => e);
    // Let the duplicate find the record in flight (a slower machine only lets it poll fewer times).
    await new Promise((res) => setTimeout(res, 1_000));
    release();
    expect(await first).toEqual({ status: 201, body: { first: true }, replayed: false });
    expect(await dup).toEqual({ status: 201, body: { first: true }, replayed: true });
    expect(ran).toBe(false);
  });
});

describe("Idempotency-Key header", () => {
  it("accepts 8 to 100 letters, digits, dashes and underscores", () => {
    expect(parseIdempotencyKey("abcDEF09")).toBe("abcDEF09");
    expect(parseIdempotencyKey(`${"a-_".repeat(33)}z`)).toHaveLength(100);
  });

  it.each([
    [null, "The Idempotency-Key header is required."],
    [undefined, "The Idempotency-Key header is required."],
    ["short", "The Idempotency-Key header must be 8 to 100 letters, digits, dashes or underscores."],
    ["has space 123", "The Idempotency-Key header must be 8 to 100 letters, digits, dashes or underscores."],
  ])("refuses %j with a 400 naming the header", (header, message) => {
    let err: unknown;
    try {
      parseIdempotencyKey(header);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: "bad_request", status: 400, message, fields: { "Idempotency-Key": message } });
  });

  it("a replayed response says so; a first one does not", async () => {
    const replayed = idempotentResponse({ status: 201, body: { a: 1 }, replayed: true }, { Location: "/x" });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.headers.get("location")).toBe("/x");
    expect(await replayed.json()).toEqual({ a: 1 });
    const fresh = idempotentResponse({ status: 201, body: { a: 1 }, replayed: false });
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
  });
});
