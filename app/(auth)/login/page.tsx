import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { pageActor } from "@/lib/auth/page-guard";
import { env } from "@/lib/env.mjs";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  if (await pageActor()) redirect(callbackPath);
  // Mirrors lib/auth/auth-options.ts: the SSO provider is registered only when the issuer, client id and secret are all set.
  const sso = env.oidc?.clientId && env.oidc.clientSecret ? { id: OIDC_PROVIDER_ID, name: env.oidc.name } : null;
  return (
    <main className="auth-shell">
      <div className="card auth-card">
        <h1>Sign in to Orderdesk</h1>
        <p className="muted">Orders, releases and cancellations with Ingram Micro.</p>
        <LoginForm callbackPath={callbackPath} sso={sso} initialError={first(params.error) ?? null} />
      </div>
    </main>
  );
}
