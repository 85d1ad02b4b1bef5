// Canary values for every secret the portal knows. The e2e build runs with them (tests/e2e/build.ts); the
// secrets spec then proves none of them reached the build output.
export const CANARIES = {
  NEXTAUTH_SECRET: "canary-nextauth-secret-7f3a9c1e5b2d4f6a8c0e",
  INGRAM_CLIENT_ID: "canary-client-id-4b8d",
  INGRAM_CLIENT_SECRET: "canary-client-secret-9e1f3a5c",
  INGRAM_WEBHOOK_SECRET: "canary-webhook-secret-2c4e6a8b",
  INGRAM_CUSTOMER_NUMBER: "20-CANARY",
  INGRAM_COUNTRY_CODE: "US",
  DATABASE_URL: "postgresql://canary_user:canary-db-password-5d7f@127.0.0.1:1/canary_db",
  DEMO_PASSWORD: "canary-demo-password-3a5c",
  OIDC_ISSUER: "https://canary-idp.invalid/",
  OIDC_CLIENT_ID: "canary-oidc-client-6e8a",
  OIDC_CLIENT_SECRET: "canary-oidc-secret-1b3d5f",
  AUDIT_KEY: "canary-audit-key-8d0f2b4d6f8a0c2e4a6c8e0a",
} satisfies Record<string, string>;

/** The values that must never appear in the build or a response (ids and the country code are not secret). */
export const SECRET_CANARIES = [
  CANARIES.NEXTAUTH_SECRET,
  CANARIES.INGRAM_CLIENT_SECRET,
  CANARIES.INGRAM_WEBHOOK_SECRET,
  "canary-db-password-5d7f",
  CANARIES.DEMO_PASSWORD,
  CANARIES.OIDC_CLIENT_SECRET,
  CANARIES.AUDIT_KEY,
];
