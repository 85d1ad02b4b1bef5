import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { NextAuthOptions } from "next-auth";

type Codec = Required<Pick<NonNullable<NextAuthOptions["jwt"]>, "encode" | "decode">>;

/**
 * next-auth's session JWT codec with its encryption key derived once per secret instead of on every call.
 * The format is next-auth's own, byte for byte in kind: a JWE (dir, A256GCM) whose key is HKDF-SHA256 of the
 * secret with next-auth's info string, carrying iat, exp and a fresh jti; decoding allows next-auth's 15 s of clock
 * skew. Everything around the token stays next-auth's; it only calls these two through its documented
 * `jwt.encode`/`jwt.decode` options. Its built-in codec runs HKDF twice per request (decode, then encode of the
 * rolled token): a twelfth of an API request's CPU in the profile (README, Performance).
 */
export function sessionCodec(): Codec {
  const keys = new Map<string, Uint8Array>();
  const keyFor = (secret: string | Buffer, salt = ""): Uint8Array => {
    const id = `${salt}\u0000${secret.toString()}`;
    let key = keys.get(id);
    if (!key) {
      const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
      key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
      // One secret (and rarely a salt) per process: a bounded map, not a growing cache.
      if (keys.size >= 4) keys.clear();
      keys.set(id, key);
    }
    return key;
  };
  return {
    async encode({ token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt }) {
      const now = Math.floor(Date.now() / 1000);
      return new EncryptJWT(token)
        .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
        .setIssuedAt(now)
        .setExpirationTime(now + maxAge)
        .setJti(randomUUID())
        .encrypt(keyFor(secret, salt));
    },
    async decode({ token, secret, salt }) {
      if (!token) return null;
      const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: 15 });
      return payload;
    },
  };
}
