import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/auth/page-guard";

/**
 * Sends a signed-out colleague who opens a shared order link to sign in, with a real redirect: the check runs
 * here, outside the pages' loading boundary, so it happens before anything streams. Steering only.
 */
export default async function OrderLayout({ children, params }: { children: ReactNode; params: Promise<{ orderNumber: string }> }) {
  const { orderNumber } = await params;
  await requirePageActor(`/orders/${encodeURIComponent(orderNumber)}`);
  return children;
}
