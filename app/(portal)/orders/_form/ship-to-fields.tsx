"use client";

import { SHIP_TO_KEYS, type ShipToKey, type ShipToValues, type TextFieldSpec } from "./draft-values";
import type { FieldErrors } from "./form-errors";
import { TextFields } from "./text-fields";

const CREATE_HINT =
  "Give a registered address id, or a full address. Leave everything empty to use the account's default.";

export function ShipToFields({
  idPrefix,
  values,
  errors,
  onChange,
  disabled,
  keys = SHIP_TO_KEYS,
  hint = CREATE_HINT,
}: {
  idPrefix: string;
  /** The sentence under the legend; the default fits the create form (empty = account default). */
  hint?: string;
  keys?: readonly TextFieldSpec[];
  values: ShipToValues;
  errors: FieldErrors;
  onChange: (key: ShipToKey, value: string) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend>Ship to</legend>
      <p className="subtle" style={{ marginBottom: 10 }}>
        {hint}
      </p>
      <TextFields
        idPrefix={`${idPrefix}-shipTo`}
        errorPrefix="shipTo."
        specs={keys}
        values={values as Record<string, string>}
        errors={errors}
        onChange={(k, v) => onChange(k as ShipToKey, v)}
      />
    </fieldset>
  );
}
