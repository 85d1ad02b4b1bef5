import { describe, expect, it } from "vitest";
import { ZodError, z } from "zod";
import { AppError, errorBody } from "@/lib/errors";
import { toAppError } from "@/lib/error-map";
import { upstreamText } from "@/lib/redact";
import { IngramError } from "@/lib/ingram/ingram-errors";

function ingramError(kind: IngramError["kind"], status: number, message = "", op: IngramError["op"] = "cancel") {
  return new IngramError({ kind, status, op, correlationId: "c".repeat(32), errors: message ? [{ message }] : [] });
}

describe("error map", () => {
  it("maps each Ingram failure to the status a user can act on", () => {
    expect(toAppError(ingramError("timeout", 0)).status).toBe(504);
    expect(toAppError(ingramError("circuit_open", 0)).status).toBe(503);
    expect(toAppError(ingramError("bad_payload", 200)).status).toBe(502);
    const limited = toAppError(ingramError("rate_limited", 429));
    expect([limited.status, limited.retryAfterSeconds]).toEqual([429, 60]);
    const noBudget = toAppError(
      new IngramError({ kind: "budget", op: "get", correlationId: "c".repeat(32), retryAfterSeconds: 17 }),
    );
    expect([noBudget.status, noBudget.code, noBudget.retryAfterSeconds]).toEqual([429, "rate_limited", 17]);
    expect(noBudget.message).toMatch(/nothing was sent/);
    expect(toAppError(ingramError("http", 404)).code).toBe("not_found");
    expect(toAppError(ingramError("http", 405, "Order can not be deleted")).status).toBe(409);
    expect(toAppError(ingramError("http", 400, "bad qty")).message).toBe("Ingram Micro: bad qty");
    expect(toAppError(ingramError("http", 500, "boom")).status).toBe(502);
    expect(toAppError(ingramError("http", 400, "invalid_client", "token")).code).toBe("upstream_unavailable");
  });

  it("keeps stack-like or multi-line upstream text out of user messages", () => {
    expect(upstreamText("java.lang.NullPointerException at com.im.Foo.bar(Foo.java:12)")).toBe("");
    expect(upstreamText("Order not on hold\n    at handler (/srv/app.js:10:5)")).toBe("Order not on hold");
    expect(upstreamText("ab ".repeat(200))).toHaveLength(200);
    const err = toAppError(ingramError("http", 400, "TypeError: x\n    at Object.<anonymous> (/app/index.js:1:1)"));
    expect(err.message).not.toMatch(/index\.js|at Object/);
  });

  it("turns unknown errors into a 500 that says nothing internal", () => {
    const err = toAppError(new Error('relation "users" does not exist at /srv/lib/db.ts:12'));
    expect(err.status).toBe(500);
    expect(JSON.stringify(errorBody(err, "abc"))).not.toMatch(/does not exist|db\.ts/);
  });

  it("passes AppErrors through and names fields of zod errors", () => {
    const app = new AppError("conflict", "x");
    expect(toAppError(app)).toBe(app);
    const parsed = z.object({ quantity: z.number() }).safeParse({ quantity: "a" });
    const mapped = toAppError(parsed.error as ZodError);
    expect(mapped.status).toBe(422);
    expect(Object.keys(mapped.fields ?? {})).toEqual(["quantity"]);
  });
});

describe("errors made by another copy of the module", () => {
  it("are still recognized (Next.js bundles pages and route handlers separately)", async () => {
    const copy = await import(`@/lib/ingram/ingram-errors?copy=${Date.now()}`);
    expect(copy.IngramError).not.toBe(IngramError);
    const foreign = new copy.IngramError({ kind: "http", status: 404, op: "get", correlationId: "c".repeat(32) });
    expect(foreign instanceof IngramError).toBe(true);
    expect(toAppError(foreign).status).toBe(404);
    const appCopy = await import(`@/lib/errors?copy=${Date.now()}`);
    const foreignApp = new appCopy.AppError("conflict", "held elsewhere");
    expect(toAppError(foreignApp)).toBe(foreignApp);
    expect(new Error("x") instanceof IngramError).toBe(false);
  });
});
