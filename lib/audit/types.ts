// Pure types and constants of the audit log (no server imports: lib/validation/audit-filters.ts uses them).
import type { NewEvent } from "@/lib/audit/chain";

/**
 * What the portal records, named <subject>.<verb> after what was done; whether it worked is the event's outcome
 * (a refused sign-in is "user.sign_in" with outcome "failed").
 */
export const AUDIT_ACTIONS = [
  "order.create",
  "order.create_async",
  "order.modify",
  "order.release",
  "order.cancel",
  "webhook.order_created",
  "webhook.order_status",
  "user.sign_in",
  "user.create",
  "user.change_role",
  "user.disable",
  "user.enable",
  "user.end_sessions",
  "user.change_password",
  "user.reset_password",
  "access.deny",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Names earlier versions wrote, mapped to today's. Stored events keep them (the chain hashes them), so they are
 * still labelled, accepted as filters, and found when filtering by today's name.
 */
export const LEGACY_AUDIT_ACTIONS = {
  "user.sign_in_failed": ["user.sign_in"],
  "user.created": ["user.create"],
  "user.role_changed": ["user.change_role"],
  "user.disabled": ["user.disable", "user.enable"],
} as const satisfies Record<string, readonly AuditAction[]>;
export type LegacyAuditAction = keyof typeof LEGACY_AUDIT_ACTIONS;

/** Every action name a stored event may carry: today's, then the legacy ones. */
export const STORED_AUDIT_ACTIONS = [
  ...AUDIT_ACTIONS,
  ...(Object.keys(LEGACY_AUDIT_ACTIONS) as LegacyAuditAction[]),
] as const;
export type StoredAuditAction = AuditAction | LegacyAuditAction;

/** The stored names an action filter matches: the name itself, and the legacy names it replaced. */
export function storedActionsMatching(action: StoredAuditAction): StoredAuditAction[] {
  const legacy = (Object.keys(LEGACY_AUDIT_ACTIONS) as LegacyAuditAction[]).filter((old) =>
    (LEGACY_AUDIT_ACTIONS[old] as readonly string[]).includes(action),
  );
  return [action, ...legacy];
}

/** "intent" opens an action; the others close it (or stand alone). */
export const AUDIT_OUTCOMES = ["intent", "succeeded", "partially_succeeded", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type FinalOutcome = Exclude<AuditOutcome, "intent">;

export const GENESIS_HASH = "0".repeat(64);

/** Who acted, as they were at the time (the email is copied, not joined). null = the system or anonymous. */
export type AuditActor = { id: string; email: string } | null;

export interface IngramErrorEntry {
  message: string;
  type?: string;
  fields?: { field: string; value?: string; message: string }[];
}

export interface IntentInput {
  actor: AuditActor;
  action: AuditAction;
  orderNumber?: string | null;
  correlationId: string;
  /** What the user asked for; secret-looking keys are removed before it is stored. */
  request?: unknown;
  /** The order as Ingram returned it just before the change. */
  before?: unknown;
}

export interface OutcomeInput {
  outcome: FinalOutcome;
  /** The order after the change, or Ingram's reply. */
  after?: unknown;
  ingramStatus?: number | null;
  ingramErrors?: IngramErrorEntry[] | unknown[] | null;
  /** Set when the order number is only known afterwards (create). */
  orderNumber?: string | null;
}

export interface EventInput {
  actor?: AuditActor;
  action: AuditAction;
  outcome: FinalOutcome;
  orderNumber?: string | null;
  correlationId?: string | null;
  request?: unknown;
  before?: unknown;
  after?: unknown;
  ingramStatus?: number | null;
  ingramErrors?: unknown[] | null;
}

/** Returned by recordIntent and passed back to recordOutcome. */
export interface AuditIntent {
  id: string;
  seq: number;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  orderNumber: string | null;
  correlationId: string;
  /** The portal instance that wrote the intent (its heartbeat keeps reconcilers away). */
  instanceId?: string | null;
}

export interface RecordResult {
  id: string;
  /** null when the event was spooled to disk (database unreachable) and will be appended later. */
  seq: number | null;
  spooled: boolean;
}

/**
 * One stored event as the portal shows it. seq is a number: exact up to 2^53 events.
 * `at` is an ISO timestamp with milliseconds.
 */
export interface AuditEventView extends Omit<NewEvent, "at" | "actorId" | "actorEmail"> {
  seq: number;
  at: string;
  actor: AuditActor;
  prevHash: string;
  hash: string;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface LineChange {
  /** The line's Ingram line number, else its customer line number, else "#<index>". */
  key: string;
  change: "added" | "removed" | "changed";
  fields: FieldChange[];
}

export interface OrderDiff {
  fields: FieldChange[];
  lines: LineChange[];
}
