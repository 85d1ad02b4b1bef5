import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env.mjs";

/**
 * Device cookies (OWASP): a browser that signed in to an account before carries a signed token naming that
 * account. Its attempts are limited per device instead of per account, so strangers' wrong passwords, which
 * slow the account down everywhere else, never keep its owner out of a device they used before.
 */
export const DEVICE_COOKIE = "orderdesk.device";
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const key = () => createHmac("sha256", env.nextauthSecret).update("orderdesk device cookie v1").digest();

function sign(deviceId: string, email: string): string {
  return createHmac("sha256", key()).update(`${deviceId}|${email.trim().toLowerCase()}`).digest("base64url");
}

/** A fresh token for `email`, to set after a successful sign-in. */
export function issueDeviceToken(email: string): string {
  const deviceId = randomBytes(16).toString("base64url");
  return `${deviceId}.${sign(deviceId, email)}`;
}

/** The device id of a token issued for `email`, or null for a missing, forged or other account's token. */
export function verifiedDeviceId(token: string | undefined, email: string): string | null {
  const [deviceId, mac, extra] = (token ?? "").split(".");
  if (!deviceId || !mac || extra !== undefined || !/^[\w-]{22}$/.test(deviceId)) return null;
  const expected = Buffer.from(sign(deviceId, email));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** The Set-Cookie value carrying `token`: sent only to the sign-in endpoints, never readable by scripts. */
export function deviceCookieHeader(token: string): string {
  const secure = env.nextauthUrl.startsWith("https://") ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${token}; Path=/api/auth; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${secure}`;
}
