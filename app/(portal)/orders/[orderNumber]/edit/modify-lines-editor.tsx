"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { FieldErrors } from "../../_form/form-errors";

export interface ExistingLineDraft {
  lineNumber: string;
  ingramPartNumber: string | null;
  description: string | null;
  originalQuantity: number | null;
  quantity: string;
  remove: boolean;
}

export interface AddedLineDraft {
  key: number;
  ingramPartNumber: string;
  quantity: string;
}

/** Errors are keyed by row: "existing.<lineNumber>.<field>" and "added.<key>.<field>". */
export function ModifyLinesEditor({
  existing,
  added,
  errors,
  disabled,
  onExisting,
  onAdded,
  onAdd,
  onRemoveAdded,
}: {
  existing: ExistingLineDraft[];
  added: AddedLineDraft[];
  errors: FieldErrors;
  disabled?: boolean;
  onExisting: (lineNumber: string, patch: Partial<ExistingLineDraft>) => void;
  onAdded: (key: number, patch: Partial<AddedLineDraft>) => void;
  onAdd: () => void;
  onRemoveAdded: (key: number) => void;
}) {
  // "Add line" moves focus to the new row's part number field.
  const focusAdded = useRef(false);
  const lastKey = added.at(-1)?.key;
  useEffect(() => {
    if (!focusAdded.current) return;
    focusAdded.current = false;
    document.getElementById(`add-${lastKey}-part`)?.focus();
  }, [lastKey]);

  return (
    <fieldset disabled={disabled}>
      <legend>Lines</legend>
      <div className="table-wrap" tabIndex={0}>
        <table className="data">
          <caption className="sr-only">Existing lines</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Part</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Now
              </th>
              <th scope="col">New quantity</th>
              <th scope="col">Remove</th>
            </tr>
          </thead>
          <tbody>
            {existing.map((l) => {
              const qtyError = errors[`existing.${l.lineNumber}.quantity`];
              const changed = !l.remove && l.quantity !== String(l.originalQuantity ?? "");
              return (
                <tr key={l.lineNumber} className={l.remove ? "removed" : changed ? "changed" : undefined}>
                  <td className="mono">{l.lineNumber}</td>
                  <td className="mono">{l.ingramPartNumber ?? "—"}</td>
                  <td>{l.description ?? "—"}</td>
                  {/* formatNumber's output, written here: importing format.ts would bring all its formatters
                      into the edit page's first load (capped at 150 KB) for this one call. */}
                  <td className="num">{l.originalQuantity?.toLocaleString("en-US") ?? "—"}</td>
                  <td style={{ width: 140 }}>
                    <input
                      type="number"
                      min={1}
                      max={9999}
                      step={1}
                      inputMode="numeric"
                      aria-label={`New quantity for line ${l.lineNumber}`}
                      value={l.quantity}
                      disabled={l.remove}
                      aria-invalid={qtyError ? true : undefined}
                      aria-describedby={qtyError ? `q-${l.lineNumber}-error` : undefined}
                      onChange={(e) => onExisting(l.lineNumber, { quantity: e.target.value })}
                    />
                    {qtyError ? (
                      <span id={`q-${l.lineNumber}-error`} className="error" style={{ color: "var(--danger)" }}>
                        {qtyError}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={l.remove}
                        onChange={(e) => onExisting(l.lineNumber, { remove: e.target.checked })}
                      />
                      <span className="sr-only">Remove line {l.lineNumber}</span>
                      <span aria-hidden="true">Remove</span>
                    </label>
                    {errors[`existing.${l.lineNumber}.ingramLineNumber`] ? (
                      <span className="error" style={{ color: "var(--danger)" }}>
                        {errors[`existing.${l.lineNumber}.ingramLineNumber`]}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 style={{ margin: "14px 0 4px" }}>Add lines</h3>
      {added.length === 0 ? <p className="subtle">No new lines.</p> : null}
      {added.map((l, i) => (
        <div key={l.key} className="editor-row editor-row-short" role="group" aria-label={`New line ${i + 1}`}>
          <Field
            id={`add-${l.key}-part`}
            label={`New line ${i + 1} · Ingram part number`}
            error={errors[`added.${l.key}.ingramPartNumber`]}
          >
            {(a) => (
              <input
                {...a}
                type="text"
                className="mono"
                maxLength={18}
                autoComplete="off"
                value={l.ingramPartNumber}
                onChange={(e) => onAdded(l.key, { ingramPartNumber: e.target.value.toUpperCase() })}
              />
            )}
          </Field>
          <Field id={`add-${l.key}-qty`} label="Quantity" error={errors[`added.${l.key}.quantity`]}>
            {(a) => (
              <input
                {...a}
                type="number"
                min={1}
                max={9999}
                step={1}
                inputMode="numeric"
                value={l.quantity}
                onChange={(e) => onAdded(l.key, { quantity: e.target.value })}
              />
            )}
          </Field>
          <Button variant="ghost" onClick={() => onRemoveAdded(l.key)} aria-label={`Remove new line ${i + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button
        size="sm"
        onClick={() => {
          focusAdded.current = true;
          onAdd();
        }}
      >
        Add line
      </Button>
    </fieldset>
  );
}
