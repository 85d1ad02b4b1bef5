"use client";

import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { FieldErrors } from "../_form/form-errors";

export interface LineDraft {
  /** Stable React key; never sent. */
  key: number;
  ingramPartNumber: string;
  quantity: string;
  unitPrice: string;
}

export function LineItemsEditor({
  lines,
  errors,
  onChange,
  onAdd,
  onRemove,
  disabled,
}: {
  lines: LineDraft[];
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<LineDraft>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend>Lines</legend>
      {errors.lines ? (
        <p className="error" role="alert" style={{ color: "var(--danger)", marginBottom: 8 }}>
          {errors.lines}
        </p>
      ) : null}
      {lines.map((line, i) => (
        <div key={line.key} className="editor-row" role="group" aria-label={`Line ${i + 1}`}>
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
      ))}
      <Button onClick={onAdd} size="sm" disabled={lines.length >= 50}>
        Add line
      </Button>
    </fieldset>
  );
}
