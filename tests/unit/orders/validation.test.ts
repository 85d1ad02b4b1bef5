import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  createAsyncOrderSchema,
  createOrderSchema,
  createSyncOrderSchema,
  idempotencyKeySchema,
  orderRequestIdSchema,
  orderRequestListQuerySchema,
} from "@/lib/validation/orders";
import { modifyOrderSchema } from "@/lib/validation/order-changes";
import { ORDER_NUMBER_MAX_LENGTH, orderNumberSchema } from "@/lib/validation/order-number";
import { orderSearchQuerySchema } from "@/lib/validation/search-filters";

const SCHEMAS = {
  orderSearchQuerySchema,
  createOrderSchema,
  createSyncOrderSchema,
  createAsyncOrderSchema,
  modifyOrderSchema,
  orderNumberSchema,
  idempotencyKeySchema,
  orderRequestIdSchema,
  orderRequestListQuerySchema,
};

/** Inputs shaped like the real ones (so the fuzz reaches the inner fields), mixed with anything at all. */
const field = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const line = fc.record(
  {
    ingramPartNumber: field,
    quantity: field,
    unitPrice: field,
    action: fc.oneof(fc.constantFrom("add", "update", "delete"), field),
    ingramLineNumber: field,
  },
  { requiredKeys: [] },
);
const shaped = fc.record(
  {
    mode: fc.oneof(fc.constantFrom("sync", "async"), field),
    customerOrderNumber: field,
    endCustomerOrderNumber: field,
    notes: field,
    customerHold: field,
    shipTo: fc.oneof(
      fc.dictionary(fc.constantFrom("contact", "email", "city", "countryCode", "addressLine1"), field),
      field,
    ),
    lines: fc.oneof(fc.array(line, { maxLength: 4 }), field),
    additionalAttributes: fc.oneof(fc.array(fc.record({ name: field, value: field }), { maxLength: 3 }), field),
    "ingramOrderDate-bt": field,
    "orderStatus-in": field,
    pageSize: field,
    sort: field,
    dir: field,
    scope: field,
  },
  { requiredKeys: [] },
);
const anyInput = fc.oneof(fc.anything(), shaped, fc.string(), fc.constant(undefined));

// 10,000 runs take a second or two alone, and many times that on a machine shared with other test runs: the
// timeout is generous so that only a real failure fails them.
const FUZZ_TIMEOUT_MS = 180_000;

describe("every schema: 10,000 fuzzed inputs → success or a ZodError, never a throw", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, { timeout: FUZZ_TIMEOUT_MS }, () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          const r = schema.safeParse(input);
          if (!r.success) {
            expect(r.error).toBeInstanceOf(ZodError);
            for (const issue of r.error.issues) expect(typeof issue.message).toBe("string");
          }
        }),
        { numRuns: 10_000 },
      );
    });
  }
});

describe("orderNumberSchema", () => {
  it("accepts letters, digits and dashes up to Ingram's 12", () => {
    for (const ok of ["20-RD128", "20-RD3QV-11", "7059827143", "a", "A".repeat(ORDER_NUMBER_MAX_LENGTH)])
      expect(orderNumberSchema.safeParse(ok).success).toBe(true);
  });
  it("any accepted value is URL-path safe", { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        if (orderNumberSchema.safeParse(s).success) expect(encodeURIComponent(s)).toBe(s);
      }),
      { numRuns: 10_000 },
    );
  });
  it("refuses traversal and encodings", () => {
    for (const bad of [
      "..",
      "../x",
      "%2e%2e",
      "20-RD128/../x",
      "２０-RD128",
      "20 RD",
      "A".repeat(ORDER_NUMBER_MAX_LENGTH + 1),
      "A".repeat(21),
      "",
    ])
      expect(orderNumberSchema.safeParse(bad).success).toBe(false);
  });
});

describe("orderSearchQuerySchema", () => {
  it("keeps Ingram's wire names, coerces numbers, treats empty fields as unset", () => {
    const r = orderSearchQuerySchema.parse({
      customerOrderNumber: "PO1",
      orderStatus: "",
      pageSize: "50",
      "ingramOrderDate-bt": ["2024-01-01", "2024-01-31"],
      shipDate_bt: "2024-02-01,2024-02-03",
      sort: "total",
      dir: "desc",
    });
    expect(r).toEqual({
      customerOrderNumber: "PO1",
      pageSize: 50,
      "ingramOrderDate-bt": ["2024-01-01", "2024-01-31"],
      shipDate_bt: ["2024-02-01", "2024-02-03"],
      sort: "total",
      dir: "desc",
    });
  });
  it("names the field in plain words", () => {
    const r = orderSearchQuerySchema.safeParse({
      "ingramOrderDate-bt": ["2024-02-30", "2024-03-01"],
      orderStatus: "LOST",
      customerOrderNumber: ["a", "b"],
    });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      "ingramOrderDate-bt": "Order date range must be dates like 2024-01-31.",
      orderStatus: expect.stringMatching(/^Order status must be one of/),
      customerOrderNumber: "Customer PO number must be a single value.",
    });
  });
  it("takes the index's free text and end customer filters and a sort key per column", () => {
    expect(
      orderSearchQuerySchema.parse({ q: "  q2ev-5sj3 ", endCustomerName: "ABC", sort: "endCustomerName" }),
    ).toEqual({
      q: "q2ev-5sj3",
      endCustomerName: "ABC",
      sort: "endCustomerName",
    });
    expect(orderSearchQuerySchema.safeParse({ q: "x".repeat(101) }).error?.issues[0]?.message).toMatch(/at most 100/);
    expect(orderSearchQuerySchema.safeParse({ sort: "serialNumber" }).success).toBe(false);
  });
  it("refuses a range whose start is after its end", () => {
    expect(
      orderSearchQuerySchema.safeParse({ invoiceDate_bt: ["2024-02-01", "2024-01-01"] }).error?.issues[0]?.message,
    ).toMatch(/start date/);
  });
});

describe("create order form", () => {
  const valid = { customerOrderNumber: "PO-123", lines: [{ ingramPartNumber: "TSXML1", quantity: "2" }] };
  it("defaults to sync, no hold, no attributes; quantity text becomes a number", () => {
    expect(createOrderSchema.parse(valid)).toEqual({
      mode: "sync",
      customerOrderNumber: "PO-123",
      customerHold: false,
      additionalAttributes: [],
      lines: [{ ingramPartNumber: "TSXML1", quantity: 2 }],
    });
  });
  it("caps the PO at 35 for sync and 18 for async", () => {
    expect(createSyncOrderSchema.safeParse({ ...valid, customerOrderNumber: "X".repeat(35) }).success).toBe(true);
    expect(createSyncOrderSchema.safeParse({ ...valid, customerOrderNumber: "X".repeat(36) }).success).toBe(false);
    expect(createAsyncOrderSchema.safeParse({ ...valid, customerOrderNumber: "X".repeat(18) }).success).toBe(true);
    const r = createAsyncOrderSchema.safeParse({ ...valid, customerOrderNumber: "X".repeat(19) });
    expect(r.error?.issues.map((i) => i.message)).toContain(
      "Customer PO number must be at most 18 characters for this order type.",
    );
  });
  it("each route accepts only its own mode", () => {
    expect(createSyncOrderSchema.safeParse({ ...valid, mode: "async" }).success).toBe(false);
    expect(createAsyncOrderSchema.parse(valid).mode).toBe("async");
  });
  it.each([
    [{ ...valid, lines: [] }, "lines", "Add at least one line."],
    [
      { ...valid, lines: [{ ingramPartNumber: "TSXML1", quantity: 10000 }] },
      "lines.0.quantity",
      "Quantity must be at most 9999.",
    ],
    [
      { ...valid, lines: [{ ingramPartNumber: "TSXML1", quantity: 1.5 }] },
      "lines.0.quantity",
      "Quantity must be a whole number.",
    ],
    [
      { ...valid, lines: [{ ingramPartNumber: "", quantity: 1 }] },
      "lines.0.ingramPartNumber",
      "Ingram part number is required.",
    ],
    [{ ...valid, shipTo: { email: "nope" } }, "shipTo.email", "Ship-to email must be an email address."],
    [
      { ...valid, additionalAttributes: [{ name: "bad name", value: "x" }] },
      "additionalAttributes.0.name",
      expect.stringMatching(/^Attribute name/),
    ],
    [{ ...valid, customerHold: "yes" }, "customerHold", "Customer hold must be true or false."],
  ])("%#: names the field", (input, path, message) => {
    const r = createOrderSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path.join(".") === path)?.message).toEqual(message);
  });
});

describe("modify order form", () => {
  it("needs at least one change", () => {
    expect(modifyOrderSchema.safeParse({}).error?.issues[0]?.message).toMatch(/Change the notes/);
  });
  it("add needs a part and quantity; update/delete need the line number", () => {
    const r = modifyOrderSchema.safeParse({
      lines: [{ action: "add" }, { action: "update", quantity: 2 }, { action: "delete" }],
    });
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "lines.0.ingramPartNumber",
        "lines.0.quantity",
        "lines.1.ingramLineNumber",
        "lines.2.ingramLineNumber",
      ]),
    );
  });
  it("accepts a numeric line number and applies modify's shorter ship-to limits", () => {
    expect(
      modifyOrderSchema.parse({ lines: [{ action: "delete", ingramLineNumber: 2 }] }).lines[0]?.ingramLineNumber,
    ).toBe("2");
    expect(modifyOrderSchema.safeParse({ shipTo: { contact: "x".repeat(41) } }).error?.issues[0]?.message).toBe(
      "Ship-to contact must be at most 40 characters.",
    );
  });
});
