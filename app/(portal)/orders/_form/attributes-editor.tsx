"use client";

import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { FieldErrors } from "./form-errors";

export interface AttributeDraft {
  key: number;
  name: string;
  value: string;
}

const KNOWN = [
  "allowPartialOrder",
  "allowDuplicateCustomerOrderNumber",
  "shipFromWarehouseId",
  "customerPOType",
  "channelCode",
  "dynamicMessageLine1",
];

/** Ingram's additionalAttributes as name/value rows; values are strings ("true"). */
export function AttributesEditor({
  rows,
  errors,
  onChange,
  onAdd,
  onRemove,
  disabled,
  known = KNOWN,
  emptyText = "None. Customer hold is set with the checkbox above.",
}: {
  /** Attribute names offered as suggestions. */
  known?: string[];
  emptyText?: string;
  rows: AttributeDraft[];
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<AttributeDraft>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend>Additional attributes</legend>
      <datalist id="attribute-names">
        {known.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {rows.length === 0 ? (
        <p className="subtle" style={{ marginBottom: 8 }}>
          {emptyText}
        </p>
      ) : null}
      {rows.map((row, i) => (
        <div
          key={row.key}
          className="editor-row"
          style={{ gridTemplateColumns: "1fr 1fr auto" }}
          role="group"
          aria-label={`Attribute ${i + 1}`}
        >
          <Field id={`attr-${row.key}-name`} label="Name" error={errors[`additionalAttributes.${i}.name`]}>
            {(a) => (
              <input
                {...a}
                type="text"
                list="attribute-names"
                autoComplete="off"
                value={row.name}
                onChange={(e) => onChange(i, { name: e.target.value })}
              />
            )}
          </Field>
          <Field id={`attr-${row.key}-value`} label="Value" error={errors[`additionalAttributes.${i}.value`]}>
            {(a) => (
              <input
                {...a}
                type="text"
                autoComplete="off"
                value={row.value}
                onChange={(e) => onChange(i, { value: e.target.value })}
              />
            )}
          </Field>
          <Button variant="ghost" onClick={() => onRemove(i)} aria-label={`Remove attribute ${i + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={onAdd} disabled={rows.length >= 20}>
        Add attribute
      </Button>
    </fieldset>
  );
}
