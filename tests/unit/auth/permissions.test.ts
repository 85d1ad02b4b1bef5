import { describe, expect, it } from "vitest";
import { type Actor, can, PASSWORD_CHANGE_REQUIRED, PERMISSIONS, requirePermission, ROLES } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { USER_ROLES } from "@/lib/validation/user-constants";

const actor = (role: Actor["role"]): Actor => ({ id: "u", email: "u@x.test", name: null, role });

describe("role → permission table", () => {
  it("grants exactly the policy", () => {
    expect([...PERMISSIONS.viewer].sort()).toEqual(["account.manage", "audit.read", "orders.read"]);
    expect([...PERMISSIONS.buyer].sort()).toEqual(
      [
        "account.manage",
        "audit.read",
        "orders.cancel",
        "orders.create",
        "orders.modify",
        "orders.read",
        "orders.release",
      ].sort(),
    );
    expect([...PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS.buyer, "users.manage", "audit.read_users"].sort());
  });

  it("keeps the pure validation roles equal to the authz roles", () => {
    expect([...USER_ROLES]).toEqual([...ROLES]);
  });

  it("only admins manage users; anonymous can do nothing", () => {
    expect(can(actor("admin"), "users.manage")).toBe(true);
    expect(can(actor("buyer"), "users.manage")).toBe(false);
    expect(can(actor("viewer"), "orders.cancel")).toBe(false);
    expect(can(null, "orders.read")).toBe(false);
  });

  it("requirePermission answers 401 for anonymous and 403 for a missing permission", () => {
    const status = (fn: () => void) => {
      try {
        fn();
        return 200;
      } catch (err) {
        return (err as AppError).status;
      }
    };
    expect(status(() => requirePermission(null, "orders.read"))).toBe(401);
    expect(status(() => requirePermission(actor("viewer"), "users.manage"))).toBe(403);
    expect(status(() => requirePermission(actor("admin"), "users.manage"))).toBe(200);
  });

  it("requirePermission's refusals say what to do: sign in, or that the permission is missing", () => {
    const refusal = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        return { code: (err as AppError).code, message: (err as AppError).message };
      }
      return null;
    };
    expect(refusal(() => requirePermission(undefined, "orders.read"))).toEqual({
      code: "unauthenticated",
      message: "Sign in to continue.",
    });
    expect(refusal(() => requirePermission(actor("buyer"), "audit.read_users"))).toEqual({
      code: "forbidden",
      message: "You do not have permission to do this.",
    });
    expect(refusal(() => requirePermission(actor("viewer"), "account.manage"))).toBeNull();
    expect(can(undefined, "account.manage")).toBe(false);
  });
});

describe("a password reset by someone else", () => {
  const reset = (role: Actor["role"]) => ({ ...actor(role), mustChangePassword: true });
  const refusal = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      return { code: (err as AppError).code, message: (err as AppError).message };
    }
    return null;
  };

  it("closes every permission but the user's own account, saying what to do", () => {
    expect(refusal(() => requirePermission(reset("admin"), "users.manage"))).toEqual({
      code: "forbidden",
      message: PASSWORD_CHANGE_REQUIRED,
    });
    // The refusal says where to go: the account page, the one place still open.
    expect(PASSWORD_CHANGE_REQUIRED).toMatch(/choose a new password on your account page \(\/account\)/i);
    expect(can(reset("admin"), "orders.read")).toBe(false);
    expect(refusal(() => requirePermission(reset("viewer"), "account.manage"))).toBeNull();
    expect(can(reset("viewer"), "account.manage")).toBe(true);
    // The flag cleared: the role's permissions again.
    expect(can({ ...reset("admin"), mustChangePassword: false }, "users.manage")).toBe(true);
  });
});
