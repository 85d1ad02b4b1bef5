// A saved view of the orders list: its name and the list's URL query. Shared by the "Save view" form and
// POST /api/views. Pure zod.
import { z } from "zod";
import { orderListQuerySchema } from "./list-view";
import { VIEW_NAME_MAX, VIEW_QUERY_MAX } from "./view-constants";

/** Parameters of the list a view keeps: every filter and view setting, never the page it was on. */
const KEPT = Object.keys(orderListQuerySchema.shape).filter((k) => k !== "pageNumber");

/**
 * The query of a view, cleaned: only the list's own parameters, in the URL's order, with blanks and the page
 * dropped; null when what is left does not parse as a list query (the reason is in the error).
 */
export function normalizeViewQuery(text: string): { query: string } | { error: string } {
  const params = new URLSearchParams(text.startsWith("?") ? text.slice(1) : text);
  const kept = new URLSearchParams();
  const record: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    if (!KEPT.includes(k) || v === "") continue;
    kept.append(k, v);
    const prev = record[k];
    record[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const parsed = orderListQuerySchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `The view's list settings are not valid: ${issue?.message ?? "unknown problem"}` };
  }
  return { query: kept.toString() };
}

export const createViewSchema = z
  .object({
    name: z
      .string({ error: "Name is required." })
      .trim()
      .min(1, "Name is required.")
      .max(VIEW_NAME_MAX, `Name must be at most ${VIEW_NAME_MAX} characters.`),
    query: z
      .string({ error: "Query must be the list's query string." })
      .max(VIEW_QUERY_MAX, `Query must be at most ${VIEW_QUERY_MAX} characters.`),
  })
  .transform((b, ctx) => {
    const n = normalizeViewQuery(b.query);
    if ("error" in n) {
      ctx.addIssue({ code: "custom", path: ["query"], message: n.error });
      return z.NEVER;
    }
    return { name: b.name, query: n.query };
  });
export type CreateViewBody = z.output<typeof createViewSchema>;
