import "server-only";
import type { AuditEvent } from "@/prisma/generated/client/client";
import type { AuditEventView } from "@/lib/audit/types";

export function toView(r: AuditEvent): AuditEventView {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorId !== null || r.actorEmail !== null ? { id: r.actorId ?? "", email: r.actorEmail ?? "" } : null,
    action: r.action,
    orderNumber: r.orderNumber,
    correlationId: r.correlationId,
    intentId: r.intentId,
    outcome: r.outcome,
    request: r.request,
    before: r.before,
    after: r.after,
    ingramStatus: r.ingramStatus,
    ingramErrors: r.ingramErrors,
    prevHash: r.prevHash,
    hash: r.hash,
    // A correction: an outcome that arrived after another for the same intent, naming that one.
    ...(r.corrects ? { corrects: r.corrects } : {}),
  };
}
