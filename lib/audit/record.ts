import "server-only";
import { randomUUID } from "node:crypto";
import { db as processDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { appendEvent, appendEventIf, type Guard, type NewEvent } from "@/lib/audit/append";
import { holdLease, processInstanceId, releaseLease } from "@/lib/audit/heartbeat";
import { redactRequest, redactUpstream, toStorableJson } from "@/lib/redact";
import { defaultSpoolDir, flushSpoolIfPending, spoolEvent } from "@/lib/audit/spool";
import type { AuditIntent, EventInput, IntentInput, OutcomeInput, RecordResult } from "@/lib/audit/types";

export interface RecordOptions {
  /** Defaults to the process's client (lib/db.ts). */
  db?: Db;
  /** Defaults to <dataDir>/audit-spool. */
  spoolDir?: string;
  /** The instance that owns the intent; defaults to this process (tests run several in one process). */
  instanceId?: string;
}

/** recordOutcome from reconcile.ts: marks the outcome `request: { reconciled: true, ...details }`. */
export interface OutcomeOptions extends RecordOptions {
  reconciled?: { readError?: string };
  /**
   * The intent's lease was released when its call ended (a v7 order request, whose outcome arrives minutes
   * later and is written by whichever instance settles it): this write must not release another change's.
   */
  leaseReleased?: boolean;
}

export const DB_RETRY_AFTER_SECONDS = 10;

function text(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : (toStorableJson(value) as string);
}

/** The fields every new event takes from its input, before its outcome and JSON payloads. */
function baseEvent(input: IntentInput | EventInput) {
  return {
    id: randomUUID(),
    at: new Date(),
    actorId: text(input.actor?.id),
    actorEmail: text(input.actor?.email),
    action: input.action,
    orderNumber: text(input.orderNumber),
    correlationId: text(input.correlationId),
    intentId: null,
    request: redactRequest(input.request),
    before: toStorableJson(input.before),
  };
}

function errorsOrNull(errors: unknown[] | null | undefined): unknown {
  return errors && errors.length ? redactUpstream(errors) : null;
}

/**
 * Writes the intent event that must precede a change at Ingram. Throws AppError("db_unavailable") (503,
 * Retry-After) when it cannot be written: the caller must then not call Ingram.
 */
export async function recordIntent(input: IntentInput, opts: RecordOptions = {}): Promise<AuditIntent> {
  const db = opts.db ?? processDb;
  const instanceId = opts.instanceId ?? processInstanceId;
  await flushSpoolIfPending(db, opts.spoolDir ?? defaultSpoolDir());
  const event: NewEvent = {
    ...baseEvent(input),
    outcome: "intent",
    after: null,
    ingramStatus: null,
    ingramErrors: null,
    instanceId,
  };
  let leased = false;
  try {
    await holdLease(db, instanceId);
    leased = true;
    const { seq } = await appendEvent(db, event);
    return {
      id: event.id,
      seq: Number(seq),
      at: event.at.toISOString(),
      actor: input.actor ? { id: event.actorId ?? "", email: event.actorEmail ?? "" } : null,
      action: input.action,
      orderNumber: event.orderNumber,
      correlationId: input.correlationId,
      instanceId,
    };
  } catch (err) {
    if (leased) releaseLease(instanceId);
    log("error", "audit intent could not be written", {
      err,
      action: input.action,
      correlationId: input.correlationId,
    });
    throw new AppError("db_unavailable", "The audit log is unavailable, so nothing was changed. Try again shortly.", {
      retryAfterSeconds: DB_RETRY_AFTER_SECONDS,
      cause: err,
    });
  }
}

/** Appends the event, or spools it to disk when the database cannot take it. Never throws. */
async function appendOrSpool(event: NewEvent, opts: RecordOptions): Promise<RecordResult> {
  const db = opts.db ?? processDb;
  const dir = opts.spoolDir ?? defaultSpoolDir();
  await flushSpoolIfPending(db, dir);
  try {
    const { seq } = await appendEvent(db, event);
    return { id: event.id, seq: Number(seq), spooled: false };
  } catch (err) {
    log("warn", "audit event spooled: database unavailable", { err, action: event.action, eventId: event.id });
  }
  try {
    await spoolEvent(event, dir);
  } catch (err) {
    log("error", "audit event lost: database and spool both failed", {
      err,
      action: event.action,
      eventId: event.id,
      intentId: event.intentId,
    });
  }
  return { id: event.id, seq: null, spooled: true };
}

/**
 * Appends the outcome of an intent (linked by intentId). Never throws: when the database is unreachable the
 * outcome is kept on local disk and appended by flushSpool(). If the intent already has an outcome (a
 * reconciler closed it first), this one is stored as a correction naming it (see appendEvent).
 */
export async function recordOutcome(
  intent: AuditIntent,
  input: OutcomeInput,
  opts: OutcomeOptions = {},
): Promise<RecordResult> {
  try {
    return await appendOutcome(intent, input, opts);
  } finally {
    if (!opts.reconciled && !opts.leaseReleased) releaseLease(intent.instanceId ?? processInstanceId);
  }
}

/**
 * Appends the outcome only together with the change it records: `guard` runs in the outcome's transaction (e.g.
 * moving a v7 request from open to final) and the outcome is written only if it made the change; both commit or
 * neither. null when the guard found nothing to do (someone else settled it). Unlike recordOutcome it does not
 * spool: a database that cannot take the outcome did not take the change either, so the caller may try again;
 * it throws then. The intent's lease is left alone (see OutcomeOptions.leaseReleased).
 */
export async function recordOutcomeIf(
  intent: AuditIntent,
  input: OutcomeInput,
  guard: Guard,
  opts: RecordOptions = {},
): Promise<RecordResult | null> {
  const db = opts.db ?? processDb;
  await flushSpoolIfPending(db, opts.spoolDir ?? defaultSpoolDir());
  const event = outcomeEvent(intent, input, {});
  const appended = await appendEventIf(db, event, guard);
  return appended && { id: event.id, seq: Number(appended.seq), spooled: false };
}

function appendOutcome(intent: AuditIntent, input: OutcomeInput, opts: OutcomeOptions): Promise<RecordResult> {
  return appendOrSpool(outcomeEvent(intent, input, opts), opts);
}

function outcomeEvent(intent: AuditIntent, input: OutcomeInput, opts: Pick<OutcomeOptions, "reconciled">): NewEvent {
  return {
    id: randomUUID(),
    at: new Date(),
    actorId: intent.actor?.id ?? null,
    actorEmail: intent.actor?.email ?? null,
    action: intent.action,
    orderNumber: text(input.orderNumber) ?? intent.orderNumber,
    correlationId: intent.correlationId,
    intentId: intent.id,
    outcome: input.outcome,
    request: opts.reconciled ? toStorableJson({ reconciled: true, ...opts.reconciled }) : null,
    before: null,
    after: toStorableJson(input.after),
    ingramStatus: input.ingramStatus ?? null,
    ingramErrors: errorsOrNull(input.ingramErrors),
  };
}

/** A one-shot event (sign-in, role change, webhook). Never throws; spools like recordOutcome. */
export async function recordEvent(input: EventInput, opts: RecordOptions = {}): Promise<RecordResult> {
  return appendOrSpool(
    {
      ...baseEvent(input),
      outcome: input.outcome,
      after: toStorableJson(input.after),
      ingramStatus: input.ingramStatus ?? null,
      ingramErrors: errorsOrNull(input.ingramErrors),
    },
    opts,
  );
}
