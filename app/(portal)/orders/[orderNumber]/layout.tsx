import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/auth/page-guard";
import { orderNumberParam } from "../../page-data";

/**
 * Runs outside the pages' loading boundary, so its answers are real HTTP ones, sent before anything streams:
 * a signed-out colleague who opens a shared order link is redirected (307) to sign in and back, and an order
 * number outside the allowlist is a 404. Steering only: queries check permissions themselves.
 */
export default async function OrderLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orderNumber: string }>;
}) {
  const orderNumber = await orderNumberParam(params);
  await requirePageActor(`/orders/${encodeURIComponent(orderNumber)}`);
  return children;
}
