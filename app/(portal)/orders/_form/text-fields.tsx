"use client";

import { Field } from "@/app/_components/field";
import type { FieldErrors } from "./form-errors";

/** [key, label, autocomplete token, input type?] — one text input per entry. */
export type TextFieldSpec = readonly [key: string, label: string, autoComplete?: string, type?: string];
export type TextValues = Record<string, string>;

export const emptyValues = (specs: readonly TextFieldSpec[]): TextValues =>
  Object.fromEntries(specs.map(([k]) => [k, ""]));

/** Only the filled fields, or nothing at all (Ingram refuses empty objects). */
export function filledOnly(v: TextValues): TextValues | undefined {
  const filled = Object.entries(v).filter(([, x]) => x.trim() !== "");
  return filled.length ? Object.fromEntries(filled) : undefined;
}

export const filledCount = (v: TextValues): number => Object.values(v).filter((x) => x.trim() !== "").length;

/** True when an error key lies under `prefix` (e.g. "endUserInfo."). */
export const errorsUnder = (errors: FieldErrors, prefix: string): boolean =>
  Object.keys(errors).some((k) => k === prefix.replace(/\.$/, "") || k.startsWith(prefix));

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
