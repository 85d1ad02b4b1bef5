// Building blocks of the input schemas (forms, query strings and JSON bodies alike). Pure zod: imports nothing
// server-side. Every message names the field, because forms show it beside that field.
import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Query strings arrive as string | string[]; an empty form field means "not set". */
export const blankToUndefined = (v: unknown) =>
  v === "" || (Array.isArray(v) && v.every((x) => x === "")) ? undefined : v;

/** The one whole-number parser: a number, or digits as text (form fields and query strings), within min..max. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d{1,9}$/, `${label} must be a whole number.`)
          .transform(Number),
      ],
      { error: `${label} must be a whole number.` },
    )
    .pipe(
      z
        .number()
        .int(`${label} must be a whole number.`)
        .min(min, `${label} must be at least ${min}.`)
        .max(max, `${label} must be at most ${max}.`),
    );

/** Optional text: trimmed, blank reads as absent, at most `max` characters. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

/** Optional amount (prices, margins): a number or decimal text, 0 ≤ x ≤ 1e9. */
export const amount = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .union(
        [
          z.number(),
          z
            .string()
            .trim()
            .regex(/^\d{1,9}(\.\d{1,4})?$/, `${label} must be a number.`)
            .transform(Number),
        ],
        { error: `${label} must be a number.` },
      )
      .pipe(
        z
          .number()
          .finite(`${label} must be a number.`)
          .min(0, `${label} cannot be negative.`)
          .max(1e9, `${label} is too large.`),
      )
      .optional(),
  );

/** Optional calendar date as yyyy-MM-dd (the form's date input); request-bodies reformats where Ingram wants yyyyMMdd. */
export const dateField = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label} must be a date like 2030-01-31.` })
      .trim()
      .refine(isCalendarDate, `${label} must be a date like 2030-01-31.`)
      .optional(),
  );

export const emailField = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .email({ error: `${label} must be an email address.` })
      .max(241, `${label} is too long.`)
      .optional(),
  );

/** Optional true/false; a checkbox sends a boolean, a query or CSV may send "true"/"false". */
export const flag = (label: string) =>
  z.preprocess(
    (v) => (v === "true" ? true : v === "false" ? false : blankToUndefined(v)),
    z.boolean({ error: `${label} must be true or false.` }).optional(),
  );

export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/** `{ name, value }` as the forms edit it; request-bodies turns it into `{ attributeName, attributeValue }`. */
export const attributeSchema = (label = "Attribute") =>
  z.object(
    {
      name: z
        .string({ error: `${label} name is required.` })
        .regex(ATTRIBUTE_NAME, `${label} name must be a word such as allowPartialOrder.`),
      value: z
        .string({ error: `${label} value must be text.` })
        .max(100, `${label} value must be at most 100 characters.`),
    },
    { error: `${label} must be an object with a name and a value.` },
  );

export const attributeList = (label: string, max: number) =>
  z
    .array(attributeSchema(label), { error: `${label}s must be a list.` })
    .max(max, `At most ${max} ${label.toLowerCase()}s.`)
    .optional();

/** An optional nested object whose fields are all optional: absent when every field is blank. */
export function optionalGroup<S extends z.ZodRawShape>(label: string, shape: S) {
  return z
    .object(shape, { error: `${label} must be an object.` })
    .optional()
    .transform((v) => (v && Object.values(v).some((x) => x !== undefined) ? v : undefined));
}
