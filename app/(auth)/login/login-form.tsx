"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signInWithCredentials, signInWithProvider } from "@/app/_components/sign-in";

export interface LoginFormProps {
  callbackPath: string;
  sso: { id: string; name: string } | null;
  initialError: string | null;
}

// next-auth reports failures by code; these are the words users see.
function describe(code: string): string {
  if (code === "TooManyAttempts")
    return "Too many sign-in attempts. Wait a few minutes, then try again; a browser you signed in from before is not held up.";
  if (code === "CredentialsSignin") return "That email and password do not match an active account.";
  if (code === "SessionRequired") return "Sign in to continue.";
  if (code === "OAuthAccountNotLinked" || code === "AccessDenied")
    return "Your single sign-on account is not allowed into Orderdesk. Ask an administrator.";
  return "Sign-in failed. Try again in a moment.";
}

export function LoginForm({ callbackPath, sso, initialError }: LoginFormProps) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(initialError ? describe(initialError) : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const next = {
      email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : "Enter your email address.",
      password: password ? undefined : "Enter your password.",
    };
    setErrors(next);
    if (next.email || next.password) return;
    setBusy(true);
    setFormError(null);
    try {
      const res = await signInWithCredentials(email.trim(), password);
      if (res.error || !res.ok) {
        setFormError(describe(res.error ?? "unknown"));
        setPassword("");
        setBusy(false);
        return;
      }
      router.replace(safeCallbackPath(callbackPath, window.location.origin));
      router.refresh();
    } catch {
      setFormError("Could not reach Orderdesk. Check your connection and try again.");
      setBusy(false);
    }
  }

  return (
    <>
      <form method="post" onSubmit={onSubmit} noValidate aria-describedby={formError ? "login-error" : undefined}>
        <Field id="email" label="Email" error={errors.email}>
          {(a) => (
            <input
              {...a}
              type="email"
              name="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="password" label="Password" error={errors.password}>
          {(a) => (
            <input
              {...a}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div aria-live="assertive">
          {formError ? (
            <p id="login-error" className="panel panel-error">
              {formError}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso ? (
        <>
          <div className="divider">or</div>
          <Button style={{ width: "100%" }} onClick={() => void signInWithProvider(sso.id, callbackPath)}>
            Continue with {sso.name}
          </Button>
        </>
      ) : null}
    </>
  );
}
