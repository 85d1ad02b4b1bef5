import { describe, expect, it } from "vitest";
import { ACTION_LABELS, actionLabel } from "@/app/(portal)/audit/action-labels";
import { AUDIT_ACTIONS, LEGACY_AUDIT_ACTIONS, STORED_AUDIT_ACTIONS, storedActionsMatching } from "@/lib/audit/types";
import { parseAuditFilters } from "@/lib/validation/audit-filters";

describe("audit action names", () => {
  it("user actions are verbs, like order actions; the old past-participle names are no longer written", () => {
    const users = AUDIT_ACTIONS.filter((a) => a.startsWith("user."));
    expect(users).toEqual([
      "user.sign_in",
      "user.create",
      "user.change_role",
      "user.disable",
      "user.enable",
      "user.end_sessions",
      "user.change_password",
      "user.reset_password",
    ]);
    for (const old of Object.keys(LEGACY_AUDIT_ACTIONS)) expect(AUDIT_ACTIONS as readonly string[]).not.toContain(old);
  });

  it("events stored under the old names still have a label and are accepted as filters", () => {
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...STORED_AUDIT_ACTIONS].sort());
    for (const old of Object.keys(LEGACY_AUDIT_ACTIONS)) {
      expect(actionLabel(old)).not.toBe(old);
      expect(parseAuditFilters(new URLSearchParams({ action: old })).success).toBe(true);
    }
    expect(parseAuditFilters(new URLSearchParams({ action: "user.exploded" })).success).toBe(false);
  });

  it("filtering by today's name also finds the events stored under the name it replaced", () => {
    expect(storedActionsMatching("user.sign_in")).toEqual(["user.sign_in", "user.sign_in_failed"]);
    expect(storedActionsMatching("user.create")).toEqual(["user.create", "user.created"]);
    expect(storedActionsMatching("user.change_role")).toEqual(["user.change_role", "user.role_changed"]);
    expect(storedActionsMatching("user.disable")).toEqual(["user.disable", "user.disabled"]);
    expect(storedActionsMatching("user.enable")).toEqual(["user.enable", "user.disabled"]);
    expect(storedActionsMatching("order.cancel")).toEqual(["order.cancel"]);
    expect(storedActionsMatching("user.disabled")).toEqual(["user.disabled"]);
  });
});
