"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { PASSWORD_MIN, USER_ROLES, type UserRole } from "@/lib/validation/user-constants";
import { clientValidation } from "@/app/_components/client-validation";
import { apiFields, type FieldErrors } from "../../orders/_form/form-errors";
import { zodFields } from "@/lib/validation/fields";

const EMPTY = { email: "", name: "", role: "viewer" as UserRole, password: "" };

export function AddUserForm() {
  const router = useRouter();
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    const { addUserSchema } = await clientValidation(() => import("@/lib/validation/users"));
    const parsed = addUserSchema.safeParse(v);
    if (!parsed.success) {
      setErrors(zodFields(parsed.error));
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    const res = await apiFetch<{ user: { email: string } }>("/api/users", { method: "POST", body: parsed.data });
    setBusy(false);
    if (!res.ok) {
      setErrors(apiFields(res.error));
      setFailure(res.error);
      return;
    }
    setDone(`Added ${res.data.user.email}. Give them their password through a safe channel.`);
    setV(EMPTY);
    router.refresh();
  }

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="add-user-h">
      <div className="card-head">
        <h2 id="add-user-h">Add a user</h2>
      </div>
      <div className="card-body">
        <fieldset disabled={busy}>
          <legend className="sr-only">New user</legend>
          <div className="form-grid">
            <Field id="u-email" label="Email" error={errors.email}>
              {(a) => (
                <input
                  {...a}
                  type="email"
                  autoComplete="off"
                  value={v.email}
                  onChange={(e) => setV({ ...v, email: e.target.value })}
                />
              )}
            </Field>
            <Field id="u-name" label="Name (optional)" error={errors.name}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  autoComplete="off"
                  value={v.name}
                  onChange={(e) => setV({ ...v, name: e.target.value })}
                />
              )}
            </Field>
            <Field id="u-role" label="Role" error={errors.role}>
              {(a) => (
                <select {...a} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as UserRole })}>
                  {USER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="u-password"
              label="Initial password"
              error={errors.password}
              hint={`At least ${PASSWORD_MIN} characters.`}
            >
              {(a) => (
                <input
                  {...a}
                  type="password"
                  autoComplete="new-password"
                  value={v.password}
                  onChange={(e) => setV({ ...v, password: e.target.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Adding…" : "Add user"}
          </Button>
          <span aria-live="polite" className="subtle">
            {done ? <span style={{ color: "var(--green-fg)" }}>{done}</span> : null}
            {failure && !Object.keys(failure.fields ?? {}).length ? (
              <span style={{ color: "var(--danger)" }}>
                {failure.message}
                {failure.correlationId ? ` (correlation id ${failure.correlationId})` : ""}
              </span>
            ) : null}
          </span>
        </div>
      </div>
    </form>
  );
}
