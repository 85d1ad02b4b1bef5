// A ship-to address saved to the account's address book: a name to pick it by and the create form's ship-to
// fields (the same limits as an order's ship-to). Pure zod.
import { z } from "zod";
import { createShipToSchema } from "./order-parties";

export const ADDRESS_BOOK_LIMIT = 200;

export const saveShipToAddressSchema = z.object(
  {
    label: z
      .string({ error: "Name is required." })
      .trim()
      .min(1, "Name is required.")
      .max(60, "Name must be at most 60 characters."),
    shipTo: createShipToSchema.refine((v) => v !== undefined, "Fill in at least one ship-to field to save."),
    /** Overwrite an address of the same name instead of refusing it. */
    replace: z.boolean({ error: "Replace must be true or false." }).optional(),
  },
  { error: "Send an object with a name and a ship-to address." },
);

export type SaveShipToAddress = z.infer<typeof saveShipToAddressSchema>;
