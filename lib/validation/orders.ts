// Create-order input shared by the form and the route handlers (POST /api/orders: v6; POST
// /api/order-requests: v7), plus the small id schemas of those routes. Pure zod: imports nothing server-side.
// Messages name the field in plain words because forms show them next to it.
import { z } from "zod";
import { attributeList, blankToUndefined, flag, text } from "./input-fields";
import { MAX_ORDER_LINES } from "./order-limits";
import { createLineSchema, LINE_V6_ONLY, LINE_V7_ONLY, vendorAttributeGroups } from "./order-lines";
import {
  createShipToSchema,
  endUserSchema,
  resellerSchema,
  shipmentDetailsSchema,
  V6_ONLY,
  V7_ONLY,
} from "./order-parties";

export const idempotencyKeySchema = z
  .string({ error: "The Idempotency-Key header is required." })
  .regex(
    /^[A-Za-z0-9_-]{8,100}$/,
    "The Idempotency-Key header must be 8 to 100 letters, digits, dashes or underscores.",
  );

export const orderRequestIdSchema = z.uuid({ error: "Order request id is not valid." });

const MAX_PO = { sync: 35, async: 18 } as const;
const MODE_NAME = { sync: "synchronous (v6)", async: "asynchronous (v7)" } as const;

const createBase = z.object(
  {
    mode: z.enum(["sync", "async"], { error: "Mode must be sync or async." }),
    /** v7 quote-to-order: lines, quantities and prices come from the quote. */
    quoteNumber: text("Quote number", 35),
    customerOrderNumber: z
      .string({ error: "Customer PO number is required." })
      .trim()
      .min(1, "Customer PO number is required.")
      .max(35, "Customer PO number must be at most 35 characters."),
    endCustomerOrderNumber: text("End customer PO number", 35),
    notes: text("Notes", 132),
    customerHold: z.boolean({ error: "Customer hold must be true or false." }).default(false),
    billToAddressId: text("Bill-to address id", 10),
    specialBidNumber: text("Special bid number", 36),
    acceptBackOrder: flag("Accept backorders"),
    vendAuthNumber: text("Vendor authorization number", 50),
    shipTo: createShipToSchema,
    shipmentDetails: shipmentDetailsSchema,
    endUserInfo: endUserSchema,
    resellerInfo: resellerSchema,
    lines: z
      .array(createLineSchema, { error: "Lines must be a list." })
      .max(MAX_ORDER_LINES, `An order may have at most ${MAX_ORDER_LINES} lines.`)
      .default([]),
    additionalAttributes: attributeList("Attribute", 20).default([]),
    vendorAttributes: vendorAttributeGroups("Vendor attributes"),
    subscriptionAttributes: vendorAttributeGroups("Subscription attributes"),
  },
  { error: "The order must be a JSON object." },
);
export type CreateOrderInput = z.output<typeof createBase>;
export type CreateOrderFormValues = z.input<typeof createBase>;

const HEADER_V7_ONLY = ["quoteNumber", "vendorAttributes", "subscriptionAttributes"] as const;

type Ctx = z.RefinementCtx;
const notFor = (ctx: Ctx, path: (string | number)[], mode: "sync" | "async") =>
  ctx.addIssue({ code: "custom", path, message: `Not sent with ${MODE_NAME[mode]} orders; leave it empty.` });

/** Fields one version of Ingram's API lacks are refused by name rather than silently dropped. */
function checkVersionFields(v: CreateOrderInput, ctx: Ctx) {
  const other = v.mode === "sync" ? V7_ONLY : V6_ONLY;
  const has = (o: object | undefined, k: string) => !!o && (o as Record<string, unknown>)[k] !== undefined;
  if (v.mode === "sync") for (const k of HEADER_V7_ONLY) if (v[k] !== undefined) notFor(ctx, [k], v.mode);
  for (const [group, keys] of Object.entries(other) as [string, readonly string[]][]) {
    if (group === "lineEndUser") continue;
    for (const k of keys) if (has(v[group as "shipTo"], k)) notFor(ctx, [group, k], v.mode);
  }
  const lineOnly = v.mode === "sync" ? LINE_V7_ONLY : LINE_V6_ONLY;
  const endUserOnly = v.mode === "async" ? V6_ONLY.lineEndUser : [];
  v.lines.forEach((l, i) => {
    for (const k of lineOnly) if (l[k] !== undefined) notFor(ctx, ["lines", i, k], v.mode);
    l.endUserInfo?.forEach((e, j) => {
      for (const k of endUserOnly) if (e[k] !== undefined) notFor(ctx, ["lines", i, "endUserInfo", j, k], v.mode);
    });
  });
}

function checkLines(v: CreateOrderInput, ctx: Ctx) {
  if (v.lines.length === 0 && !v.quoteNumber)
    ctx.addIssue({
      code: "custom",
      path: ["lines"],
      message: v.mode === "async" ? "Add at least one line, or give a quote number." : "Add at least one line.",
    });
  const seen = new Set<string>();
  v.lines.forEach((l, i) => {
    if (l.customerLineNumber !== undefined) {
      const n = String(Number(l.customerLineNumber));
      if (seen.has(n))
        ctx.addIssue({
          code: "custom",
          path: ["lines", i, "customerLineNumber"],
          message: "Customer line numbers must be unique within the order.",
        });
      seen.add(n);
    }
  });
}

/** Create form; one schema for both modes. v7 (async) caps the PO numbers at 18 characters; v6 takes 35. */
export function createOrderSchemaFor(defaultMode: "sync" | "async") {
  return z
    .preprocess(
      (v) => (v && typeof v === "object" && !Array.isArray(v) && !("mode" in v) ? { ...v, mode: defaultMode } : v),
      createBase,
    )
    .superRefine((v, ctx) => {
      const max = MAX_PO[v.mode];
      for (const key of ["customerOrderNumber", "endCustomerOrderNumber"] as const) {
        const label = key === "customerOrderNumber" ? "Customer PO number" : "End customer PO number";
        if ((v[key]?.length ?? 0) > max)
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `${label} must be at most ${max} characters for this order type.`,
          });
      }
      checkVersionFields(v, ctx);
      checkLines(v, ctx);
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
