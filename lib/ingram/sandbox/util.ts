import { randomBytes, randomUUID } from "node:crypto";

export type Rng = () => number;

/** mulberry32: small, fast, deterministic for a given 32-bit seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
export const chance = (rng: Rng, p: number): boolean => rng() < p;

const ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
export function alnum(rng: Rng, length: number, alphabet = ALNUM): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}
export const digits = (rng: Rng, length: number): string => alnum(rng, length, "0123456789");

/** Non-deterministic identifiers (tokens, error ids, event ids) come from the OS RNG. */
export function randomAlnum(length: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export function uuid(): string {
  return randomUUID();
}

export const DAY_MS = 86_400_000;

export function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Date-time with an explicit offset, as Ingram renders `ingramOrderDate` on order details. */
export function isoWithOffset(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** Millisecond timestamp with offset, as in `orderModifiedDate`. */
export function isoMillisOffset(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+00:00`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isValidYmd(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
