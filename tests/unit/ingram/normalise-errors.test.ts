import { describe, expect, it } from "vitest";
import { normaliseErrors } from "@/lib/ingram/normalise-errors";

describe("normaliseErrors", () => {
  it("reads the API ErrorResponse, including typo'd keys", () => {
    expect(
      normaliseErrors({
        errors: [
          {
            id: "d27059e19119",
            "1ype": "/errors/validation-failed",
            messaage: "Validation failed",
            fields: [
              { field: "customerOrderNumber", message: "Required field is missing" },
              { field: "ingramOrderDate", message: "bad date", value: "2020-10-21" },
            ],
          },
        ],
      }),
    ).toEqual([
      {
        message: "Validation failed",
        type: "/errors/validation-failed",
        fields: [
          { field: "customerOrderNumber", message: "Required field is missing" },
          { field: "ingramOrderDate", message: "bad date", value: "2020-10-21" },
        ],
      },
    ]);
  });

  it("reads v7 errors, wrapped and flat, with null field values", () => {
    const item = {
      traceid: "123456",
      type: "/errors/validation-failed",
      message: "customer validation failed",
      fields: [{ field: "IM-CountryCode", message: "Required field is missing", value: null }],
    };
    const expected = [
      {
        message: "customer validation failed",
        type: "/errors/validation-failed",
        fields: [{ field: "IM-CountryCode", message: "Required field is missing" }],
      },
    ];
    expect(normaliseErrors({ errors: [item] })).toEqual(expected);
    expect(normaliseErrors(item)).toEqual(expected);
  });

  it("reads gateway faults", () => {
    expect(normaliseErrors({ fault: { faultstring: "Invalid ApiKey", detail: { errorcode: "oauth.v2.InvalidApiKey" } } })).toEqual([
      { message: "Invalid ApiKey", type: "oauth.v2.InvalidApiKey" },
    ]);
    expect(normaliseErrors({ faultcode: "Server", faultstring: "Invalid customer number" })).toEqual([
      { message: "Invalid customer number", type: "Server" },
    ]);
  });

  it("reads a bare message and the 429 shape", () => {
    expect(normaliseErrors({ message: "invalid client" })).toEqual([{ message: "invalid client" }]);
    expect(normaliseErrors({ Message: "case differs" })).toEqual([{ message: "case differs" }]);
    expect(normaliseErrors({ errors: [{ field: null, message: "too many requests" }] })).toEqual([{ message: "too many requests" }]);
  });

  it("reads field-only errors (message under fields)", () => {
    expect(
      normaliseErrors({ errors: [{ id: "x", type: "/errors/validation-failed", message: "Validation failed", fields: [{ message: "Order already released" }] }] }),
    ).toEqual([{ message: "Validation failed", type: "/errors/validation-failed", fields: [{ field: "", message: "Order already released" }] }]);
  });

  it("returns [] for nothing useful and caps long text", () => {
    expect(normaliseErrors(null)).toEqual([]);
    expect(normaliseErrors({})).toEqual([]);
    expect(normaliseErrors({ errors: [] })).toEqual([]);
    const [e] = normaliseErrors({ message: "x".repeat(10_000) });
    expect(e!.message.length).toBe(500);
  });
});
