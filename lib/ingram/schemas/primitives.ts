import { z } from "zod";

/*
 * Building blocks for tolerant response schemas (Ingram's examples break its own schemas: numbers sent as
 * strings, nulls in non-nullable fields, one object where an array is declared, undocumented fields, and the
 * nullability keeps changing between spec versions): every field optional and nullable, numeric strings
 * coerced, single objects accepted where the schema says array (normalized to arrays), unknown keys kept. A value that cannot be coerced
 * (an object where a string belongs, "abc" where a number belongs) fails the parse: the transport turns
 * that into a bad_payload error rather than returning partial data.
 */

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** String field; numbers and booleans are stringified (e.g. a numeric postalCode). */
export const rStr = z.union([z.string(), z.number().transform(String), z.boolean().transform(String)]).nullish();

/** Number field; numeric strings are coerced, an empty string reads as null. */
export const rNum = z
  .union([
    z.number().finite(),
    z
      .string()
      .trim()
      .regex(NUMERIC)
      .transform((s) => Number(s)),
    z.literal("").transform(() => null),
  ])
  .nullish();

/** Boolean field; "true"/"false" strings (any case) are coerced. */
export const rBool = z
  .union([
    z.boolean(),
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["true", "false"]))
      .transform((s) => s === "true"),
  ])
  .nullish();

/** Array field that may be null or absent. */
export function rArr<T extends z.ZodType>(item: T) {
  return z.array(item).nullish();
}

/** Array field that some payloads send as a single object; always read as an array. */
export function rOneOrMany<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), item.transform((v) => [v] as z.output<T>[])]).nullish();
}

/** Tolerant object: unknown keys kept. */
export function rObj<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject(shape);
}

export const rAttribute = rObj({ attributeName: rStr, attributeValue: rStr });
export const rLink = rObj({ topic: rStr, href: rStr, type: rStr });

/*
 * Request building blocks: strict about what we send (unknown keys rejected, spec maxLengths enforced,
 * real booleans, phone numbers as strings, which v7 requires and v6 accepts).
 */
export const qStr = (max?: number) => (max === undefined ? z.string() : z.string().max(max));
export const qDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-MM-dd")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "not a calendar date");
export const qPhone = (max = 30) => z.string().max(max);
export const qAttribute = z.strictObject({ attributeName: z.string(), attributeValue: z.string() });
