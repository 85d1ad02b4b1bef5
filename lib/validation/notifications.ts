// The bell's "mark read" body, shared by the bell and its route handler. Pure zod.
import { z } from "zod";

export const markReadSchema = z
  .object({
    ids: z.array(z.uuid("Each id must be a notification id.")).max(100, "At most 100 ids at once.").optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => b.all || (b.ids && b.ids.length > 0), { message: "Give ids or all: true.", path: ["ids"] });

export type MarkReadBody = z.infer<typeof markReadSchema>;
