"use client";
import { z } from "zod";

// zod compiles its parsers with `new Function` where it may, probing for that on first use. The CSP allows no
// eval, so in the browser it is told up front to interpret instead, and never trips the policy.
z.config({ jitless: true });

/** Rendered once in the root layout so that the setting above runs in every page's client bundle. */
export function ZodJitless() {
  return null;
}
