import type { ModifyOrderResult } from "@/lib/orders/dto-types";
import type { ModifyOrderInput } from "@/lib/validation/order-changes";

function joinList(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function lineNumbers(sent: ModifyOrderInput, action: "update" | "delete"): string {
  const nums = sent.lines.filter((l) => l.action === action).map((l) => l.ingramLineNumber ?? "?");
  return nums.length ? `${nums.length === 1 ? "line" : "lines"} ${joinList(nums)}` : "";
}

/** What was sent, as noun phrases: "new quantity for line 002", "1 new line", "the ship-to address". */
export function sentChanges(sent: ModifyOrderInput): string[] {
  const parts: string[] = [];
  const updated = lineNumbers(sent, "update");
  const removed = lineNumbers(sent, "delete");
  const added = sent.lines.filter((l) => l.action === "add").length;
  if (updated) parts.push(`new quantity for ${updated}`);
  if (removed) parts.push(`removal of ${removed}`);
  if (added) parts.push(`${added} new ${added === 1 ? "line" : "lines"}`);
  if (sent.shipTo) parts.push("the ship-to address");
  if (sent.notes !== undefined) parts.push("the notes");
  return parts;
}

/** The sentence under the "Changes saved" heading: what Ingram accepted, and how many line changes it refused. */
export function modifySummary(sent: ModifyOrderInput, result: ModifyOrderResult): string {
  const what = joinList(sentChanges(sent)) || "the changes";
  const rejected = result.lines.filter((l) => l.result === "rejected").length;
  if (!rejected) return `Ingram Micro accepted ${what}.`;
  const reasons = rejected === 1 ? "its reason is" : "their reasons are";
  return `Sent to Ingram Micro: ${what}. It rejected ${rejected} line ${rejected === 1 ? "change" : "changes"}; ${reasons} in the table below.`;
}
