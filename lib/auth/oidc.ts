import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: unknown;
  name?: string;
}

/** A generic OpenID Connect provider found through the issuer's discovery document (PKCE + state). */
export function oidcProvider(cfg: OidcSettings): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: cfg.name,
    type: "oauth",
    wellKnown: `${cfg.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(profile) {
      return { id: profile.sub, email: profile.email?.trim().toLowerCase() ?? null, name: profile.name ?? null };
    },
  };
}

function emailVerified(claim: unknown, trustEmail: boolean): boolean {
  return claim === true || (trustEmail && claim === undefined);
}

type Refusal = "unknown_account" | "disabled" | "email_unverified" | "subject_mismatch" | null;

/**
 * Only people who already have an enabled portal account may enter through SSO (matched by email; nobody is
 * created on the fly). The email must be marked verified (`email_verified` exactly true; missing, false or the
 * string "true" are refused) unless the provider is configured as vouching for every email (`trustEmail`,
 * OIDC_TRUST_EMAIL=1), which still refuses an explicit false. The provider's subject
 * is bound to the account at the first SSO sign-in, so an identity whose email claim later changes to a
 * colleague's address cannot take over the colleague's account.
 */
export async function oidcSignInAllowed(
  email: string | null | undefined,
  profile: unknown,
  trustEmail: boolean,
): Promise<boolean> {
  const claims = profile as OidcProfile | undefined;
  const subject = typeof claims?.sub === "string" && claims.sub ? claims.sub : null;
  const normalized = email?.trim().toLowerCase();
  const user = normalized ? await db.user.findUnique({ where: { email: normalized } }) : null;
  let refusal: Refusal = null;
  if (!user) refusal = "unknown_account";
  else if (user.disabled) refusal = "disabled";
  else if (!emailVerified(claims?.email_verified, trustEmail)) refusal = "email_unverified";
  else if (!subject || (user.oidcSubject !== null && user.oidcSubject !== subject)) refusal = "subject_mismatch";
  if (!refusal && user && user.oidcSubject === null) {
    const bound = await db.user.updateMany({
      where: { id: user.id, oidcSubject: null },
      data: { oidcSubject: subject },
    });
    if (bound.count !== 1) refusal = "subject_mismatch";
  }
  if (refusal) {
    await recordEvent({
      actor: user ? { id: user.id, email: user.email } : null,
      action: "user.sign_in",
      outcome: "failed",
      request: { email: normalized ?? null, provider: OIDC_PROVIDER_ID },
      after: { reason: refusal },
    });
  }
  return refusal === null;
}
