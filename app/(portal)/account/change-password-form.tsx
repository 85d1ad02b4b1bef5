"use client";

import { signOut } from "@/app/_components/sign-out";
import { useState, type FormEvent } from "react";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { PASSWORD_MIN } from "@/lib/validation/user-constants";
import { clientValidation } from "@/app/_components/client-validation";
import { zodFields } from "@/lib/validation/fields";
import { apiFields, type FieldErrors } from "../orders/_form/form-errors";

const EMPTY = { currentPassword: "", newPassword: "" };

export function ChangePasswordForm() {
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const { changePasswordSchema } = await clientValidation(() => import("@/lib/validation/users"));
    const parsed = changePasswordSchema.safeParse(v);
    if (!parsed.success) {
      setErrors(zodFields(parsed.error));
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    const res = await apiFetch("/api/account/password", { method: "PUT", body: parsed.data });
    if (!res.ok) {
      setBusy(false);
      setErrors(apiFields(res.error));
      setFailure(res.error);
      return;
    }
    // Every session of the account ended with the change, this one too.
    await signOut({ callbackUrl: "/login" });
  }

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="password-h">
      <div className="card-head">
        <h2 id="password-h">Change your password</h2>
      </div>
      <div className="card-body">
        <fieldset disabled={busy}>
          <legend className="sr-only">Password</legend>
          <div className="form-grid">
            <Field id="p-current" label="Current password" error={errors.currentPassword}>
              {(a) => (
                <input
                  {...a}
                  type="password"
                  autoComplete="current-password"
                  value={v.currentPassword}
                  onChange={(e) => setV({ ...v, currentPassword: e.target.value })}
                />
              )}
            </Field>
            <Field
              id="p-new"
              label="New password"
              error={errors.newPassword}
              hint={`At least ${PASSWORD_MIN} characters and hard to guess. You will sign in again everywhere.`}
            >
              {(a) => (
                <input
                  {...a}
                  type="password"
                  autoComplete="new-password"
                  value={v.newPassword}
                  onChange={(e) => setV({ ...v, newPassword: e.target.value })}
                />
              )}
            </Field>
          </div>
          {failure && !failure.fields ? (
            <p className="error" role="alert">
              {failure.message}
            </p>
          ) : null}
          <Button type="submit" variant="primary">
            {busy ? "Changing…" : "Change password"}
          </Button>
        </fieldset>
      </div>
    </form>
  );
}
