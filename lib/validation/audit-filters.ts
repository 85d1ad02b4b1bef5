// Filters of the audit history, shared by the /audit page (URL searchParams) and GET /api/audit. Pure.
import { z } from "zod";
import { AUDIT_OUTCOMES, STORED_AUDIT_ACTIONS } from "@/lib/audit/types";
import { isOrderNumber } from "./order-number";

export const AUDIT_PAGE_SIZE_DEFAULT = 50;
export const AUDIT_PAGE_SIZE_MAX = 100;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** yyyy-MM-dd (a UTC day) or an ISO date-time with offset. */
const dateParam = z
  .string()
  .refine(
    (v) => (DATE_ONLY.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success) && !Number.isNaN(Date.parse(v)),
    "Use a date like 2026-01-31",
  );

export const auditFiltersSchema = z
  .object({
    orderNumber: optional(z.string().trim().refine(isOrderNumber, "Use an Ingram order number like 20-RD3QV")),
    actor: optional(z.string().trim().max(254, "At most 254 characters")),
    action: optional(z.enum(STORED_AUDIT_ACTIONS, { message: "Unknown action" })),
    outcome: optional(z.enum(AUDIT_OUTCOMES, { message: "Unknown outcome" })),
    from: optional(dateParam),
    to: optional(dateParam),
    /** seq of the last row seen: the next page holds older events. */
    cursor: optional(z.string().regex(/^[1-9]\d{0,17}$/, "Invalid cursor")),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
    pageSize: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(AUDIT_PAGE_SIZE_DEFAULT),
    ),
  })
  .refine((f) => !f.from || !f.to || dateBounds(f).gte! < dateBounds(f).lt!, {
    message: "The start date must be before the end date",
    path: ["to"],
  });

export type AuditFilters = z.output<typeof auditFiltersSchema>;
export type AuditFiltersInput = z.input<typeof auditFiltersSchema>;

/** from is inclusive; a date-only `to` includes that whole (UTC) day, a date-time `to` includes that instant. */
export function dateBounds(f: { from?: string; to?: string }): { gte?: Date; lt?: Date } {
  const out: { gte?: Date; lt?: Date } = {};
  if (f.from) out.gte = new Date(f.from);
  if (f.to) {
    const t = new Date(f.to).getTime();
    out.lt = new Date(DATE_ONLY.test(f.to) ? t + 86_400_000 : t + 1);
  }
  return out;
}

/** URLSearchParams or Next's searchParams object → plain input (first value of repeated keys). */
export function auditFiltersInput(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (params instanceof URLSearchParams) {
    for (const key of params.keys()) out[key] ??= params.get(key) ?? undefined;
    return out;
  }
  for (const [key, value] of Object.entries(params)) out[key] = Array.isArray(value) ? value[0] : value;
  return out;
}

export function parseAuditFilters(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  return auditFiltersSchema.safeParse(auditFiltersInput(params));
}
