// Input schemas shared by the order forms and the route handlers. Pure zod: imports nothing server-side.
// Messages name the field in plain words because forms show them next to it.
import { z } from "zod";
import { blankToUndefined } from "./search-filters";

export const idempotencyKeySchema = z
  .string({ error: "The Idempotency-Key header is required." })
  .regex(
    /^[A-Za-z0-9_-]{8,100}$/,
    "The Idempotency-Key header must be 8 to 100 letters, digits, dashes or underscores.",
  );

export const orderRequestIdSchema = z.uuid({ error: "Order request id is not valid." });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const shipToShape = (limits: { contact: number; line1: number; line2: number; country: number }) =>
  z.object(
    {
      addressId: text("Ship-to address id", 10),
      contact: text("Ship-to contact", limits.contact),
      companyName: text("Ship-to company name", 40),
      addressLine1: text("Ship-to address line 1", limits.line1),
      addressLine2: text("Ship-to address line 2", limits.line2),
      city: text("Ship-to city", 25),
      state: text("Ship-to state", 3),
      postalCode: text("Ship-to postal code", 10),
      countryCode: text("Ship-to country code", limits.country),
      phoneNumber: text("Ship-to phone number", 30),
      email: z.preprocess(
        blankToUndefined,
        z.email({ error: "Ship-to email must be an email address." }).max(241, "Ship-to email is too long.").optional(),
      ),
    },
    { error: "Ship-to address must be an object." },
  );
export const createShipToSchema = shipToShape({ contact: 70, line1: 70, line2: 70, country: 10 });
export const modifyShipToSchema = shipToShape({ contact: 40, line1: 60, line2: 40, country: 3 });

const quantity = (label: string) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d{1,6}$/, `${label} must be a whole number.`)
          .transform(Number),
      ],
      {
        error: `${label} must be a whole number.`,
      },
    )
    .pipe(
      z
        .number()
        .int(`${label} must be a whole number.`)
        .min(1, `${label} must be at least 1.`)
        .max(9999, `${label} must be at most 9999.`),
    );

const partNumber = z
  .string({ error: "Ingram part number is required." })
  .trim()
  .min(1, "Ingram part number is required.")
  .max(18, "Ingram part number must be at most 18 characters.")
  .regex(/^[A-Za-z0-9/._-]+$/, "Ingram part number may contain only letters, digits and - _ . /");

const price = z.preprocess(
  blankToUndefined,
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d{1,9}(\.\d{1,4})?$/, "Unit price must be a number.")
          .transform(Number),
      ],
      {
        error: "Unit price must be a number.",
      },
    )
    .pipe(
      z
        .number()
        .finite("Unit price must be a number.")
        .min(0, "Unit price cannot be negative.")
        .max(1e9, "Unit price is too large."),
    )
    .optional(),
);

export const createLineSchema = z.object(
  {
    ingramPartNumber: partNumber,
    quantity: quantity("Quantity"),
    unitPrice: price,
  },
  { error: "Each line must be an object." },
);

export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const additionalAttributeSchema = z.object({
  name: z
    .string({ error: "Attribute name is required." })
    .regex(ATTRIBUTE_NAME, "Attribute name must be a word such as allowPartialOrder."),
  value: z
    .string({ error: "Attribute value must be text." })
    .max(100, "Attribute value must be at most 100 characters."),
});

const MAX_PO = { sync: 35, async: 18 } as const;

const createBase = z.object(
  {
    mode: z.enum(["sync", "async"], { error: "Mode must be sync or async." }),
    customerOrderNumber: z
      .string({ error: "Customer PO number is required." })
      .trim()
      .min(1, "Customer PO number is required.")
      .max(35, "Customer PO number must be at most 35 characters."),
    endCustomerOrderNumber: text("End customer PO number", 35),
    notes: text("Notes", 132),
    customerHold: z.boolean({ error: "Customer hold must be true or false." }).default(false),
    shipTo: createShipToSchema.optional(),
    lines: z
      .array(createLineSchema, { error: "Lines must be a list." })
      .min(1, "Add at least one line.")
      .max(50, "An order may have at most 50 lines."),
    additionalAttributes: z
      .array(additionalAttributeSchema, { error: "Additional attributes must be a list." })
      .max(20, "At most 20 additional attributes.")
      .default([]),
  },
  { error: "The order must be a JSON object." },
);

/** Create form; one schema for both modes. v7 (async) caps the PO numbers at 18 characters; v6 takes 35. */
export function createOrderSchemaFor(defaultMode: "sync" | "async") {
  return z
    .preprocess(
      (v) => (v && typeof v === "object" && !Array.isArray(v) && !("mode" in v) ? { ...v, mode: defaultMode } : v),
      createBase,
    )
    .superRefine((v, ctx) => {
      const max = MAX_PO[v.mode];
      if (v.customerOrderNumber.length > max) {
        ctx.addIssue({
          code: "custom",
          path: ["customerOrderNumber"],
          message: `Customer PO number must be at most ${max} characters for this order type.`,
        });
      }
      if (v.endCustomerOrderNumber && v.endCustomerOrderNumber.length > max) {
        ctx.addIssue({
          code: "custom",
          path: ["endCustomerOrderNumber"],
          message: `End customer PO number must be at most ${max} characters for this order type.`,
        });
      }
    });
}
export const createOrderSchema = createOrderSchemaFor("sync");
/** POST /api/orders: synchronous (v6) only. */
export const createSyncOrderSchema = createOrderSchema.refine((v) => v.mode === "sync", {
  path: ["mode"],
  message: "Asynchronous orders are created through order requests.",
});
/** POST /api/order-requests: asynchronous (v7) only. */
export const createAsyncOrderSchema = createOrderSchemaFor("async").refine((v) => v.mode === "async", {
  path: ["mode"],
  message: "Synchronous orders are created through orders.",
});
export type CreateOrderInput = z.output<typeof createBase>;
export type CreateOrderFormValues = z.input<typeof createBase>;

const lineNumber = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? String(v) : blankToUndefined(v)),
    z
      .string({ error: `${label} must be up to 6 digits.` })
      .trim()
      .regex(/^\d{1,6}$/, `${label} must be up to 6 digits.`)
      .optional(),
  );

export const modifyLineSchema = z
  .object(
    {
      action: z.enum(["add", "update", "delete"], { error: "Line action must be add, update or delete." }),
      ingramLineNumber: lineNumber("Line number"),
      customerLineNumber: lineNumber("Customer line number"),
      ingramPartNumber: partNumber.optional(),
      quantity: quantity("Quantity").optional(),
      notes: text("Line notes", 132),
    },
    { error: "Each line change must be an object." },
  )
  .superRefine((l, ctx) => {
    if (l.action === "add" && !l.ingramPartNumber)
      ctx.addIssue({
        code: "custom",
        path: ["ingramPartNumber"],
        message: "Ingram part number is required to add a line.",
      });
    if (l.action === "add" && l.quantity === undefined)
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "Quantity is required to add a line." });
    if (l.action !== "add" && !l.ingramLineNumber)
      ctx.addIssue({
        code: "custom",
        path: ["ingramLineNumber"],
        message: "Line number is required to change or remove a line.",
      });
    if (l.action === "update" && l.quantity === undefined)
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "Quantity is required to change a line." });
  });

export const modifyOrderSchema = z
  .object(
    {
      notes: text("Notes", 132),
      shipTo: modifyShipToSchema.optional(),
      lines: z
        .array(modifyLineSchema, { error: "Lines must be a list." })
        .max(50, "At most 50 line changes at once.")
        .default([]),
    },
    { error: "The changes must be a JSON object." },
  )
  .refine((v) => v.notes !== undefined || v.shipTo !== undefined || v.lines.length > 0, {
    path: ["_"],
    message: "Change the notes, the ship-to address or at least one line.",
  });
export type ModifyOrderInput = z.output<typeof modifyOrderSchema>;
export type ModifyOrderFormValues = z.input<typeof modifyOrderSchema>;

/** GET /api/order-requests */
export const orderRequestListQuerySchema = z.object({
  scope: z.preprocess(
    blankToUndefined,
    z.enum(["mine", "all"], { error: "Scope must be mine or all." }).default("mine"),
  ),
  status: z.preprocess(
    blankToUndefined,
    z
      .enum(["submitted", "pending", "created", "failed", "unknown"], {
        error: "Status must be submitted, pending, created, failed or unknown.",
      })
      .optional(),
  ),
});
