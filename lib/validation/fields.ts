import type { z } from "zod";

/** Flattens zod issues to `{ "lines.0.quantity": "message" }`, the shape forms show beside each field. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    if (!fields[path]) fields[path] = issue.message;
  }
  return fields;
}
