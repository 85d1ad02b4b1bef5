// The PUT body the edit form's drafts become, built on save (this module is loaded then, not with the form:
// first-load JS is capped at 150 KB), and the way the server's field errors map back onto the form's rows.
import type { AttributeDraft } from "../../_form/attributes-editor";
import { shipToPayload, type ShipToValues } from "../../_form/draft-values";
import type { FieldErrors } from "../../_form/form-errors";
import type { AddedLineDraft, ExistingLineDraft } from "./modify-lines-editor";

export interface ModifyDrafts {
  existing: ExistingLineDraft[];
  added: AddedLineDraft[];
  shipTo: ShipToValues;
  initialShipTo: ShipToValues;
  notes: string;
  initialNotes: string;
  attributes: AttributeDraft[];
}

/** Only what changed: updated or deleted existing lines, added lines, and notes or ship-to when edited. */
export function modifyBody({ existing, added, shipTo, initialShipTo, notes, initialNotes, attributes }: ModifyDrafts) {
  const rows: string[] = [];
  const out: Record<string, unknown>[] = [];
  for (const l of existing) {
    if (l.remove) out.push({ action: "delete", ingramLineNumber: l.lineNumber });
    else if (l.quantity !== String(l.originalQuantity ?? ""))
      out.push({ action: "update", ingramLineNumber: l.lineNumber, quantity: l.quantity });
    else continue;
    rows.push(`existing.${l.lineNumber}`);
  }
  for (const a of added) {
    out.push({ action: "add", ingramPartNumber: a.ingramPartNumber, quantity: a.quantity });
    rows.push(`added.${a.key}`);
  }
  const shipToChanged = JSON.stringify(shipTo) !== JSON.stringify(initialShipTo);
  const body = {
    notes: notes !== initialNotes ? notes : undefined,
    shipTo: shipToChanged ? shipToPayload(shipTo) : undefined,
    lines: out,
    additionalAttributes: attributes
      .filter((a) => a.name.trim() || a.value.trim())
      .map((a) => ({ name: a.name.trim(), value: a.value })),
  };
  return { body, rows };
}

/** Payload line i came from UI row rows[i]; errors at "lines.i.x" are shown at "<row>.x". */
export function remapErrors(fields: FieldErrors, rows: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
    out[m && rows[Number(m[1])] ? `${rows[Number(m[1])]}.${m[2]}` : k] = v;
  }
  return out;
}
