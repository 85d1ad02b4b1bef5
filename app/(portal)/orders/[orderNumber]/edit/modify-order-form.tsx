"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useRef, useState, type FormEvent } from "react";
import { apiFetch, NETWORK_MESSAGE, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { ModifyOrderResult } from "@/lib/orders/dto-types";
import type { ModifyOrderInput } from "@/lib/validation/order-changes";
import type { AttributeDraft } from "../../_form/attributes-editor";
import { apiFields, type FieldErrors } from "../../_form/form-errors";
import { MoreSection } from "../../_form/more-section";
import type { ShipToValues } from "../../_form/draft-values";
import { ShipToFields } from "../../_form/ship-to-fields";
import { ModifyLinesEditor, type AddedLineDraft, type ExistingLineDraft } from "./modify-lines-editor";

// Loaded when needed, not with the form (first-load JS is capped at 150 KB): the attributes editor when its
// section first opens (MoreSection shows "Loading…" meanwhile), the result after a save, the failure panel after a refusal. React's lazy rather than
// next/dynamic, whose own runtime would add more to the page than this saves.
const AttributesEditor = lazy(() =>
  import("../../_form/attributes-editor").then((m) => ({ default: m.AttributesEditor })),
);
const ModifyResult = lazy(() => import("./modify-result").then((m) => ({ default: m.ModifyResult })));
const SubmitFailure = lazy(() => import("../../_form/submit-failure").then((m) => ({ default: m.SubmitFailure })));

export interface ModifyOrderFormProps {
  orderNumber: string;
  lines: ExistingLineDraft[];
  shipTo: ShipToValues;
  notes: string;
}

const EDIT_SHIP_TO_HINT =
  "This is the order's current ship-to. Leave it unchanged to keep it, or change it to a registered address id or a full address.";

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

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    // The body builder is loaded on the first save; failing to load it is a failed call like any other.
    const builder = await import("./modify-body").catch(() => null);
    if (!builder) {
      setBusy(false);
      setFailure({ status: 0, code: "network", message: NETWORK_MESSAGE });
      return;
    }
    // Validated by the server (one schema, no zod in the browser bundle); its field errors land beside the fields.
    const { body, rows } = builder.modifyBody({
      existing,
      added,
      shipTo,
      initialShipTo,
      notes,
      initialNotes,
      attributes,
    });
    const res = await apiFetch<{ result: ModifyOrderResult }>(`/api/orders/${encodeURIComponent(orderNumber)}`, {
      method: "PUT",
      body,
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(builder.remapErrors(apiFields(res.error), rows));
      setFailure(res.error);
      return;
    }
    setSaved({ sent: body as ModifyOrderInput, result: res.data.result });
    router.refresh();
  }

  if (saved)
    return (
      <Suspense fallback={null}>
        <ModifyResult href={href} sent={saved.sent} result={saved.result} />
      </Suspense>
    );

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
            <Suspense fallback={null}>
              <SubmitFailure
                failure={failure}
                title={
                  failure.code.startsWith("upstream_")
                    ? "Ingram Micro refused the changes"
                    : "The changes were not saved"
                }
              />
            </Suspense>
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
