"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch, isRetryable, type ApiError } from "@/app/_components/api-fetch";
import { Button, ButtonLink } from "@/app/_components/button";
import { ErrorPanel } from "@/app/_components/error-panel";
import { Field } from "@/app/_components/field";
import { RetryButton } from "@/app/_components/retry-button";
import type { ModifyOrderResult } from "@/lib/orders/dto-types";
import type { ModifyOrderInput } from "@/lib/validation/order-changes";
import { AttributesEditor, type AttributeDraft } from "../../_form/attributes-editor";
import { apiFields, type FieldErrors } from "../../_form/form-errors";
import { LineResults } from "../../_form/line-results";
import { MoreSection } from "../../_form/more-section";
import { shipToPayload, type ShipToValues } from "../../_form/draft-values";
import { ShipToFields } from "../../_form/ship-to-fields";
import { ModifyLinesEditor, type AddedLineDraft, type ExistingLineDraft } from "./modify-lines-editor";
import { modifySummary } from "./modify-summary";

export interface ModifyOrderFormProps {
  orderNumber: string;
  lines: ExistingLineDraft[];
  shipTo: ShipToValues;
  notes: string;
}

const EDIT_SHIP_TO_HINT =
  "This is the order's current ship-to. Leave it unchanged to keep it, or change it to a registered address id or a full address.";

/** Payload line i came from UI row rows[i]; errors at "lines.i.x" are shown at "<row>.x". */
function remapErrors(fields: FieldErrors, rows: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
    out[m && rows[Number(m[1])] ? `${rows[Number(m[1])]}.${m[2]}` : k] = v;
  }
  return out;
}

export function ModifyOrderForm({
  orderNumber,
  lines,
  shipTo: initialShipTo,
  notes: initialNotes,
}: ModifyOrderFormProps) {
  const router = useRouter();
  const [existing, setExisting] = useState(lines);
  const [added, setAdded] = useState<AddedLineDraft[]>([]);
  const [shipTo, setShipTo] = useState(initialShipTo);
  const [notes, setNotes] = useState(initialNotes);
  const [attributes, setAttributes] = useState<AttributeDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<{ sent: ModifyOrderInput; result: ModifyOrderResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  const href = `/orders/${encodeURIComponent(orderNumber)}`;

  function build() {
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

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    // Validated by the server (one schema, no zod in the browser bundle); its field errors land beside the fields.
    const { body, rows } = build();
    setBusy(true);
    setErrors({});
    setFailure(null);
    const res = await apiFetch<{ result: ModifyOrderResult }>(`/api/orders/${encodeURIComponent(orderNumber)}`, {
      method: "PUT",
      body,
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(remapErrors(apiFields(res.error), rows));
      setFailure(res.error);
      return;
    }
    setSaved({ sent: body as ModifyOrderInput, result: res.data.result });
    router.refresh();
  }

  if (saved) {
    const { result } = saved;
    const rejected = result.lines.filter((l) => l.result === "rejected").length;
    return (
      <section className="card" aria-labelledby="modify-result-h">
        <div
          className={`panel ${rejected || result.outcome !== "succeeded" ? "panel-warn" : "panel-ok"}`}
          role="status"
          style={{ border: 0 }}
        >
          <h2 id="modify-result-h">
            {rejected
              ? `Changes saved; ${rejected} ${rejected === 1 ? "line was" : "lines were"} rejected`
              : "Changes saved"}
          </h2>
          <p>{modifySummary(saved.sent, result)}</p>
          {result.changeDescription ? (
            <p className="subtle" style={{ color: "inherit" }}>
              {result.changeDescription}
            </p>
          ) : null}
        </div>
        <LineResults lines={result.lines} caption="Line changes" />
        <div className="form-actions card-body">
          <ButtonLink href={href} variant="primary">
            Back to order
          </ButtonLink>
        </div>
      </section>
    );
  }

  const generalErrors = Object.entries(errors)
    .filter(([k]) => k === "_" || k === "lines")
    .map(([, v]) => v);

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-busy={busy || undefined}>
      <div className="form-section">
        <ModifyLinesEditor
          existing={existing}
          added={added}
          errors={errors}
          disabled={busy}
          onExisting={(n, patch) => setExisting((ls) => ls.map((l) => (l.lineNumber === n ? { ...l, ...patch } : l)))}
          onAdded={(k, patch) => setAdded((ls) => ls.map((l) => (l.key === k ? { ...l, ...patch } : l)))}
          onAdd={() => setAdded((ls) => [...ls, { key: nextKey.current++, ingramPartNumber: "", quantity: "1" }])}
          onRemoveAdded={(k) => setAdded((ls) => ls.filter((l) => l.key !== k))}
        />
      </div>
      <div className="form-section">
        <ShipToFields
          idPrefix="edit"
          hint={EDIT_SHIP_TO_HINT}
          values={shipTo}
          errors={errors}
          disabled={busy}
          onChange={(k, v) => setShipTo((s) => ({ ...s, [k]: v }))}
        />
      </div>
      <div className="form-section">
        <Field
          id="notes"
          label="Notes"
          error={errors.notes}
          hint="At most 132 characters. Over 35, Orderdesk sends enableCommentsAsLines=true so Ingram keeps them all."
        >
          {(a) => (
            <textarea
              {...a}
              rows={2}
              maxLength={132}
              disabled={busy}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-section">
        <MoreSection
          title="Additional attributes"
          summary={attributes.length ? `${attributes.length} set` : undefined}
          hasError={Object.keys(errors).some((k) => k.startsWith("additionalAttributes"))}
        >
          <AttributesEditor
            rows={attributes}
            errors={errors}
            disabled={busy}
            onChange={(i, patch) => setAttributes((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
            onAdd={() => setAttributes((rs) => [...rs, { key: nextKey.current++, name: "", value: "" }])}
            onRemove={(i) => setAttributes((rs) => rs.filter((_, j) => j !== i))}
            known={["enableCommentsAsLines", "entryMethod", "regionCode"]}
            emptyText="None."
          />
        </MoreSection>
      </div>
      <div className="form-section stack" style={{ gap: 10 }}>
        <div aria-live="polite">
          {failure ? (
            <ErrorPanel
              title={
                failure.code.startsWith("upstream_") ? "Ingram Micro refused the changes" : "The changes were not saved"
              }
              message={failure.message}
              correlationId={failure.correlationId}
              retry={false}
            >
              {isRetryable(failure) ? (
                <RetryButton key={failure.correlationId} submit afterSeconds={failure.retryAfterSeconds} />
              ) : undefined}
            </ErrorPanel>
          ) : null}
          {generalErrors.length ? (
            <p className="panel panel-error" role="alert">
              {generalErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div className="form-actions" style={{ marginTop: 0 }}>
          <Button type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? "Saving…" : "Save changes"}
          </Button>
          <Link href={href} className="btn btn-ghost">
            Cancel
          </Link>
        </div>
      </div>
    </form>
  );
}
