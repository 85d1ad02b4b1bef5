"use client";

import { Field } from "@/app/_components/field";
import type { TextFieldSpec, TextValues } from "./draft-values";
import type { FieldErrors } from "./form-errors";

/** A grid of text inputs; errors are looked up as `${errorPrefix}${key}`. */
export function TextFields({
  idPrefix,
  errorPrefix,
  specs,
  values,
  errors,
  onChange,
}: {
  idPrefix: string;
  errorPrefix: string;
  specs: readonly TextFieldSpec[];
  values: TextValues;
  errors: FieldErrors;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <div className="form-grid">
      {specs.map(([key, label, autoComplete = "off", type = "text"]) => (
        <Field key={key} id={`${idPrefix}-${key}`} label={label} error={errors[`${errorPrefix}${key}`]}>
          {(a) => (
            <input
              {...a}
              type={type}
              autoComplete={autoComplete}
              value={values[key] ?? ""}
              onChange={(e) => onChange(key, e.target.value)}
            />
          )}
        </Field>
      ))}
    </div>
  );
}
