import { AUDIT_OUTCOMES, type StoredAuditAction } from "@/lib/audit/types";

/** Labels for every name a stored event may carry, including those earlier versions wrote. */
export const ACTION_LABELS: Record<StoredAuditAction, string> = {
  "order.create": "Create order",
  "order.create_async": "Create order (async)",
  "order.modify": "Modify order",
  "order.release": "Release order",
  "order.cancel": "Cancel order",
  "webhook.order_created": "Ingram: order created",
  "webhook.order_status": "Ingram: status update",
  "user.sign_in": "Sign in",
  "user.create": "Add user",
  "user.change_role": "Change role",
  "user.disable": "Disable user",
  "user.enable": "Enable user",
  "user.end_sessions": "Sign out everywhere",
  "user.change_password": "Change own password",
  "user.reset_password": "Reset password",
  "access.deny": "Access refused",
  "user.sign_in_failed": "Sign-in refused",
  "user.created": "User added",
  "user.role_changed": "Role changed",
  "user.disabled": "User disabled or enabled",
};

export const OUTCOME_LABELS: Record<(typeof AUDIT_OUTCOMES)[number], string> = {
  intent: "Started",
  succeeded: "Succeeded",
  partially_succeeded: "Partly succeeded",
  failed: "Failed",
  unknown: "Unknown",
};

export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function outcomeBadge(outcome: string): { state: string; label: string } {
  return { state: outcome, label: (OUTCOME_LABELS as Record<string, string>)[outcome] ?? outcome };
}
