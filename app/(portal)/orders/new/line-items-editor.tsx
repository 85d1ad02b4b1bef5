"use client";

import { lazy, useEffect, useRef } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { PastedLine } from "@/lib/orders/pasted-lines";
import { MAX_ORDER_LINES as MAX_LINES } from "@/lib/validation/order-limits";
import type { FieldErrors } from "../_form/form-errors";
import { MoreSection } from "../_form/more-section";
import { LINE_EXTRAS_V6, LINE_EXTRAS_V7, type LineDraft, type Mode } from "./create-payload";

// Loaded on first open (MoreSection shows "Loading…" meanwhile): most orders use neither a line's extras nor a
// paste. React's lazy rather than next/dynamic, whose own runtime would add 1.6 KB to the page.
const LineExtrasFields = lazy(() => import("./line-extras-fields").then((m) => ({ default: m.LineExtrasFields })));
const PasteLinesPanel = lazy(() => import("./paste-lines-panel").then((m) => ({ default: m.PasteLinesPanel })));

const SHOWN_FIELDS = /^(ingramPartNumber|quantity|unitPrice)$/;

function extrasSummary(line: LineDraft, mode: Mode): string {
  const hidden = new Set(mode === "sync" ? LINE_EXTRAS_V7 : LINE_EXTRAS_V6);
  const n = Object.entries(line.extra).filter(([k, v]) => !hidden.has(k) && v.trim() !== "").length;
  return n ? `${n} set` : "notes, special bid, warranty, subscription";
}

const extrasError = (errors: FieldErrors, i: number) =>
  Object.keys(errors).some((k) => k.startsWith(`lines.${i}.`) && !SHOWN_FIELDS.test(k.slice(`lines.${i}.`.length)));

export function LineItemsEditor({
  mode,
  lines,
  errors,
  onChange,
  onAdd,
  onRemove,
  onPaste,
  disabled,
}: {
  mode: Mode;
  lines: LineDraft[];
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<LineDraft>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Pasted rows to add; they take the place of empty lines. */
  onPaste: (lines: PastedLine[]) => void;
  disabled?: boolean;
}) {
  const filled = lines.filter((l) => l.ingramPartNumber.trim() || l.unitPrice.trim()).length;
  // "Add line" moves focus to the new row's first field (a keyboard user continues typing there).
  const focusAdded = useRef(false);
  const lastKey = lines.at(-1)?.key;
  useEffect(() => {
    if (!focusAdded.current) return;
    focusAdded.current = false;
    document.getElementById(`line-${lastKey}-part`)?.focus();
  }, [lastKey]);

  return (
    <fieldset disabled={disabled}>
      <legend>Lines</legend>
      {errors.lines ? (
        <p className="error" role="alert" style={{ color: "var(--danger)", marginBottom: 8 }}>
          {errors.lines}
        </p>
      ) : null}
      {lines.map((line, i) => (
        <div key={line.key} role="group" aria-label={`Line ${i + 1}`} style={{ marginBottom: 12 }}>
          <div className="editor-row">
            <Field
              id={`line-${line.key}-part`}
              label={`Line ${i + 1} · Ingram part number`}
              error={errors[`lines.${i}.ingramPartNumber`]}
            >
              {(a) => (
                <input
                  {...a}
                  type="text"
                  className="mono"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={18}
                  value={line.ingramPartNumber}
                  onChange={(e) => onChange(i, { ingramPartNumber: e.target.value.toUpperCase() })}
                />
              )}
            </Field>
            <Field id={`line-${line.key}-qty`} label="Quantity" error={errors[`lines.${i}.quantity`]}>
              {(a) => (
                <input
                  {...a}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={9999}
                  step={1}
                  value={line.quantity}
                  onChange={(e) => onChange(i, { quantity: e.target.value })}
                />
              )}
            </Field>
            <Field id={`line-${line.key}-price`} label="Unit price (optional)" error={errors[`lines.${i}.unitPrice`]}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="decimal"
                  placeholder="Ingram price"
                  value={line.unitPrice}
                  onChange={(e) => onChange(i, { unitPrice: e.target.value })}
                />
              )}
            </Field>
            <Button
              variant="ghost"
              onClick={() => onRemove(i)}
              disabled={lines.length === 1}
              aria-label={`Remove line ${i + 1}`}
            >
              Remove
            </Button>
          </div>
          <MoreSection
            title={`More for line ${i + 1}`}
            summary={extrasSummary(line, mode)}
            hasError={extrasError(errors, i)}
            testId={`line-extras-${i}`}
          >
            <LineExtrasFields
              index={i}
              rowKey={line.key}
              mode={mode}
              values={line.extra}
              errors={errors}
              onChange={(k, v) => onChange(i, { extra: { ...line.extra, [k]: v } })}
            />
          </MoreSection>
        </div>
      ))}
      <Button
        onClick={() => {
          focusAdded.current = true;
          onAdd();
        }}
        size="sm"
        disabled={lines.length >= MAX_LINES}
      >
        Add line
      </Button>
      <div style={{ marginTop: 12 }}>
        <MoreSection title="Paste lines from a spreadsheet" summary="part, quantity, price" testId="section-paste">
          <PasteLinesPanel room={MAX_LINES - filled} onAdd={onPaste} />
        </MoreSection>
      </div>
    </fieldset>
  );
}
