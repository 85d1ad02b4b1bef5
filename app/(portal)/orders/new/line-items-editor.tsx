"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { FieldErrors } from "../_form/form-errors";
import type { LineDraft, Mode } from "./create-payload";
import { LineExtrasFields } from "./line-extras-fields";

export function LineItemsEditor({
  mode,
  lines,
  errors,
  onChange,
  onAdd,
  onRemove,
  disabled,
}: {
  mode: Mode;
  lines: LineDraft[];
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<LineDraft>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  disabled?: boolean;
}) {
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
          <LineExtrasFields
            index={i}
            rowKey={line.key}
            mode={mode}
            values={line.extra}
            errors={errors}
            onChange={(k, v) => onChange(i, { extra: { ...line.extra, [k]: v } })}
          />
        </div>
      ))}
      <Button
        onClick={() => {
          focusAdded.current = true;
          onAdd();
        }}
        size="sm"
        disabled={lines.length >= 50}
      >
        Add line
      </Button>
    </fieldset>
  );
}
