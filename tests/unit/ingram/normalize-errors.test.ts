import { describe, expect, it } from "vitest";
import { normalizeErrors } from "@/lib/ingram/ingram-errors";

describe("normalizeErrors", () => {
  it("reads the API ErrorResponse, including typo'd keys", () => {
    expect(
      normalizeErrors({
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
    expect(normalizeErrors({ errors: [item] })).toEqual(expected);
    expect(normalizeErrors(item)).toEqual(expected);
  });

  it("reads gateway faults", () => {
    expect(
      normalizeErrors({ fault: { faultstring: "Invalid ApiKey", detail: { errorcode: "oauth.v2.InvalidApiKey" } } }),
    ).toEqual([{ message: "Invalid ApiKey", type: "oauth.v2.InvalidApiKey" }]);
    expect(normalizeErrors({ faultcode: "Server", faultstring: "Invalid customer number" })).toEqual([
      { message: "Invalid customer number", type: "Server" },
    ]);
  });

  it("reads a bare message and the 429 shape", () => {
    expect(normalizeErrors({ message: "invalid client" })).toEqual([{ message: "invalid client" }]);
    expect(normalizeErrors({ Message: "case differs" })).toEqual([{ message: "case differs" }]);
    expect(normalizeErrors({ errors: [{ field: null, message: "too many requests" }] })).toEqual([
      { message: "too many requests" },
    ]);
  });

  it("reads field-only errors (message under fields)", () => {
    expect(
      normalizeErrors({
        errors: [
          {
            id: "x",
            type: "/errors/validation-failed",
            message: "Validation failed",
            fields: [{ message: "Order already released" }],
          },
        ],
      }),
    ).toEqual([
      {
        message: "Validation failed",
        type: "/errors/validation-failed",
        fields: [{ field: "", message: "Order already released" }],
      },
    ]);
  });

  it("returns [] for nothing useful and caps long text", () => {
    expect(normalizeErrors(null)).toEqual([]);
    expect(normalizeErrors({})).toEqual([]);
    expect(normalizeErrors({ errors: [] })).toEqual([]);
    const [e] = normalizeErrors({ message: "x".repeat(10_000) });
    expect(e!.message.length).toBe(500);
  });
});
