// zod and the shared schemas reach the browser when a form is first checked, not with the page: they weigh
// about 30 KB gzipped, and a page's first-load JavaScript is capped at 150 KB (npm run bench). The server
// validates every body again, so this only moves when the code loads, not what is checked.

/**
 * Loads a schema module (e.g. `() => import("@/lib/validation/orders")`) together with zod, told to interpret
 * its parsers: zod would otherwise probe `new Function` on first use, which the CSP (no eval) refuses.
 */
export async function clientValidation<M>(load: () => Promise<M>): Promise<M> {
  const [{ z }, schemas] = await Promise.all([import("zod"), load()]);
  z.config({ jitless: true });
  return schemas;
}
