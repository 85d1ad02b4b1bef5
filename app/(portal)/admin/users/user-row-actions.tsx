"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { USER_ROLES, type UserRole } from "@/lib/validation/user-constants";

export interface UserRowProps {
  id: string;
  email: string;
  role: UserRole;
  disabled: boolean;
  /** The signed-in admin's own row: no demoting or disabling yourself. */
  self: boolean;
}

export function UserRoleControl({ id, email, role, self }: UserRowProps) {
  const router = useRouter();
  const [value, setValue] = useState<UserRole>(role);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: { role: value } });
    setBusy(false);
    if (res.ok) router.refresh();
    else
      setMessage(
        `${res.error.message}${res.error.correlationId ? ` (correlation id ${res.error.correlationId})` : ""}`,
      );
  }

  return (
    <div className="row" style={{ gap: 6, flexWrap: "nowrap" }}>
      <select
        aria-label={`Role of ${email}`}
        value={value}
        disabled={busy || self}
        onChange={(e) => setValue(e.target.value as UserRole)}
        style={{ width: "auto" }}
      >
        {USER_ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {value !== role ? (
        <Button size="sm" variant="primary" onClick={save} disabled={busy}>
          {busy ? "Saving…" : "Save"}
        </Button>
      ) : null}
      <span aria-live="polite" className="error" style={{ color: "var(--danger)", fontSize: "0.86rem" }}>
        {message}
      </span>
    </div>
  );
}

export function UserStatusControl({ id, email, disabled, self }: UserRowProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function setDisabled(next: boolean) {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch(`/api/users/${encodeURIComponent(id)}`, { method: "PATCH", body: { disabled: next } });
    setBusy(false);
    setConfirming(false);
    if (res.ok) router.refresh();
    else
      setMessage(
        `${res.error.message}${res.error.correlationId ? ` (correlation id ${res.error.correlationId})` : ""}`,
      );
  }

  if (self) return <span className="subtle">You</span>;
  return (
    <div className="row" style={{ gap: 6, flexWrap: "nowrap" }}>
      {disabled ? (
        <Button size="sm" onClick={() => void setDisabled(false)} disabled={busy} aria-label={`Enable ${email}`}>
          Enable
        </Button>
      ) : (
        <Button
          size="sm"
          variant="ghost-danger"
          onClick={() => setConfirming(true)}
          disabled={busy}
          aria-label={`Disable ${email}`}
        >
          Disable
        </Button>
      )}
      <span aria-live="polite" style={{ color: "var(--danger)", fontSize: "0.86rem" }}>
        {message}
      </span>
      <ConfirmDialog
        open={confirming}
        title={`Disable ${email}?`}
        confirmLabel="Disable user"
        cancelLabel="Keep active"
        danger
        busy={busy}
        onConfirm={() => void setDisabled(true)}
        onClose={() => setConfirming(false)}
      >
        <p>They are signed out at their next request and cannot sign in again until enabled.</p>
      </ConfirmDialog>
    </div>
  );
}

/** An admin's one-time reset: a new random password, shown here once, and the user's sessions ended. */
export function UserPasswordReset({ id, email, self }: UserRowProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function reset() {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch<{ password: string }>(`/api/users/${encodeURIComponent(id)}/password`, {
      method: "POST",
    });
    setBusy(false);
    setConfirming(false);
    if (res.ok) setPassword(res.data.password);
    else setMessage(res.error.message);
  }

  if (self) return null;
  return (
    <div className="row" style={{ gap: 6, flexWrap: "nowrap" }}>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setConfirming(true)}
        disabled={busy}
        aria-label={`Reset password of ${email}`}
      >
        Reset password
      </Button>
      {password ? (
        <span aria-live="polite">
          One-time password: <code>{password}</code>
        </span>
      ) : null}
      <span aria-live="polite" style={{ color: "var(--danger)", fontSize: "0.86rem" }}>
        {message}
      </span>
      <ConfirmDialog
        open={confirming}
        title={`Reset the password of ${email}?`}
        confirmLabel="Reset password"
        cancelLabel="Keep it"
        danger
        busy={busy}
        onConfirm={() => void reset()}
        onClose={() => setConfirming(false)}
      >
        <p>
          They are signed out everywhere. The new password is shown once: hand it over through a safe channel. It works
          once: at their next sign-in they must choose a new one.
        </p>
      </ConfirmDialog>
    </div>
  );
}
