import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { canonicalJson } from "@/lib/audit/chain";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { pruneIfDue } from "@/lib/database/retention";
import { AppError, errorBody } from "@/lib/errors";
import { toAppError } from "@/lib/error-map";
import { log } from "@/lib/log";
import { idempotencyKeySchema } from "@/lib/validation/orders";

/*
 * One upstream create per (user, Idempotency-Key). The key is claimed atomically by INSERT ... ON CONFLICT
 * DO NOTHING on the unique (user_id, key); whoever inserts runs the command, everyone else replays the
 * stored reply (waiting for it while it is in flight). Same key with another body → 422.
 */

export interface StoredReply {
  status: number;
  body: unknown;
  replayed: boolean;
}

export interface IdempotentRequest {
  actor: Actor;
  key: string;
  /** The audit action of the create; a key is bound to one operation and one body. */
  operation: string;
  body: unknown;
  correlationId: string;
  /** How long a concurrent duplicate waits for the first request's reply before answering 409. */
  waitMs?: number;
}

/** Errors that prove nothing reached Ingram: the key is released so the same request can be retried. */
const RELEASE_ON = new Set([
  "db_unavailable",
  "rate_limited",
  "upstream_unavailable",
  "bad_request",
  "unauthenticated",
  "forbidden",
]);

/** The Idempotency-Key header's value; a missing or malformed key is a 400 naming the header. */
export function parseIdempotencyKey(header: string | null | undefined): string {
  const parsed = idempotencyKeySchema.safeParse(header ?? undefined);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The Idempotency-Key header is not valid.";
    throw new AppError("bad_request", message, { fields: { "Idempotency-Key": message } });
  }
  return parsed.data;
}

/** The stored reply as an HTTP response; a replay says so in `Idempotent-Replayed: true`. */
export function idempotentResponse(r: StoredReply, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { ...extraHeaders };
  if (r.replayed) headers["Idempotent-Replayed"] = "true";
  return Response.json(r.body, { status: r.status, headers });
}

export function requestHash(operation: string, body: unknown): string {
  return createHash("sha256").update(canonicalJson({ operation, body })).digest("hex");
}

async function claim(userId: string, key: string, operation: string, hash: string): Promise<boolean> {
  void pruneIfDue(db);
  const { count } = await db.idempotencyRecord.createMany({
    data: [{ id: randomUUID(), userId, key, operation, requestHash: hash, state: "in_flight" }],
    skipDuplicates: true,
  });
  return count === 1;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withIdempotency(
  { actor, key, operation, body, correlationId, waitMs = 15_000 }: IdempotentRequest,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<StoredReply> {
  const hash = requestHash(operation, body);
  const deadline = Date.now() + waitMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    if (await claim(actor.id, key, operation, hash))
      return { ...(await execute(actor.id, key, run, correlationId)), replayed: false };
    const rec = await db.idempotencyRecord.findUnique({ where: { userId_key: { userId: actor.id, key } } });
    if (!rec) continue;
    if (rec.requestHash !== hash) {
      throw new AppError(
        "validation_failed",
        "This Idempotency-Key was already used with a different request. Use a new key.",
        {
          fields: { "Idempotency-Key": "Already used with a different request." },
        },
      );
    }
    if (rec.state === "completed" && rec.responseStatus !== null) {
      return { status: rec.responseStatus, body: storedBody(rec.responseBody), replayed: true };
    }
    if (Date.now() >= deadline) {
      throw new AppError(
        "conflict",
        "A request with this Idempotency-Key is still being processed. Try again shortly.",
        {
          retryAfterSeconds: 2,
        },
      );
    }
    await sleep(delay);
  }
}

async function execute(
  userId: string,
  key: string,
  run: () => Promise<{ status: number; body: unknown }>,
  correlationId: string,
): Promise<{ status: number; body: unknown }> {
  const where = { userId_key: { userId, key } };
  let reply: { status: number; body: unknown };
  try {
    reply = await run();
  } catch (err) {
    const appErr = toAppError(err);
    if (RELEASE_ON.has(appErr.code)) {
      await db.idempotencyRecord.delete({ where }).catch(() => undefined);
      throw err;
    }
    reply = { status: appErr.status, body: errorBody(appErr, correlationId) };
    await store(where, reply);
    throw err;
  }
  await store(where, reply);
  return reply;
}

function storedBody(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Never throws: the caller still gets its reply; a record left in flight answers later duplicates with 409. */
async function store(where: { userId_key: { userId: string; key: string } }, reply: { status: number; body: unknown }) {
  await db.idempotencyRecord
    .update({
      where,
      // Kept as JSON text: jsonb reorders object keys, and a replay must be byte-identical.
      data: { state: "completed", responseStatus: reply.status, responseBody: JSON.stringify(reply.body ?? null) },
    })
    .catch((err: unknown) => log("error", "idempotency reply could not be stored", { err, key: where.userId_key.key }));
}
