import { describe, expect, it } from "vitest";
import { addUserSchema, credentialsSchema, updateUserSchema, userIdSchema } from "@/lib/validation/users";

describe("users schemas", () => {
  it("normalizes and accepts a valid new user", () => {
    const v = addUserSchema.parse({
      email: " Ann@Example.COM ",
      name: " Ann ",
      role: "buyer",
      password: "x".repeat(12),
    });
    expect(v).toEqual({ email: "ann@example.com", name: "Ann", role: "buyer", password: "x".repeat(12) });
  });

  it.each([
    [{ email: "a@b.c", role: "buyer", password: "short" }, "password"],
    [{ email: "a@b.c", role: "buyer", password: "é".repeat(37) }, "password"],
    [{ email: "nope", role: "buyer", password: "x".repeat(12) }, "email"],
    [{ email: "a@b.co", role: "root", password: "x".repeat(12) }, "role"],
    [{ email: "a@b.co", role: "admin", password: "x".repeat(12), sessionVersion: 9 }, ""],
  ])("rejects %j", (input, field) => {
    const r = addUserSchema.safeParse(input);
    expect(r.success).toBe(false);
    if (field) expect(r.error?.issues.some((i) => i.path[0] === field)).toBe(true);
  });

  it("update needs a role or a status and nothing else", () => {
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ disabled: "yes" }).success).toBe(false);
    expect(updateUserSchema.safeParse({ role: "viewer", passwordHash: "x" }).success).toBe(false);
    expect(updateUserSchema.parse({ disabled: true })).toEqual({ disabled: true });
  });

  it("caps credentials and ids", () => {
    expect(credentialsSchema.safeParse({ email: "a@b.co", password: "x".repeat(1025) }).success).toBe(false);
    expect(userIdSchema.safeParse("../etc/passwd").success).toBe(false);
    expect(userIdSchema.safeParse("7d3c1f9e-2b4a-4c8d-9e1f-0a1b2c3d4e5f").success).toBe(true);
  });
});
