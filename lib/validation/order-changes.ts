// PUT /api/orders/[orderNumber] and the edit form: notes, ship-to, line changes and attributes of a held
// order. Pure zod.
import { z } from "zod";
import { attributeList, blankToUndefined, text } from "./input-fields";
import { partNumber, quantity } from "./order-lines";
import { modifyShipToSchema } from "./order-parties";

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
      ingramPartNumber: partNumber,
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

/** Ingram keeps header notes over this length only with the attribute enableCommentsAsLines=true. */
export const SHORT_NOTES_MAX = 35;

export const modifyOrderSchema = z
  .object(
    {
      notes: text("Notes", 132),
      shipTo: modifyShipToSchema,
      lines: z
        .array(modifyLineSchema, { error: "Lines must be a list." })
        .max(50, "At most 50 line changes at once.")
        .default([]),
      additionalAttributes: attributeList("Attribute", 20),
    },
    { error: "The changes must be a JSON object." },
  )
  .refine(
    (v) => v.notes !== undefined || v.shipTo !== undefined || v.lines.length > 0 || !!v.additionalAttributes?.length,
    { path: ["_"], message: "Change the notes, the ship-to address, an attribute or at least one line." },
  );
export type ModifyOrderInput = z.output<typeof modifyOrderSchema>;
export type ModifyOrderFormValues = z.input<typeof modifyOrderSchema>;
