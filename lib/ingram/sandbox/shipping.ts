import type { SandboxLine } from "./sandbox-types.ts";
import { type Rng, DAY_MS, alnum, digits, int, ymd } from "./util.ts";

function trackingFor(rng: Rng, carrierCode: string): { number: string; url: string } {
  if (carrierCode === "UG") {
    const n = `1Z${alnum(rng, 6)}${digits(rng, 10)}`;
    return { number: n, url: `https://www.ups.com/track?tracknum=${n}` };
  }
  if (carrierCode === "VL") {
    const n = `ESD${digits(rng, 9)}`;
    return { number: n, url: "" };
  }
  const n = digits(rng, 12);
  return { number: n, url: `https://www.fedex.com/fedextrack/?trknbr=${n}` };
}

function serial(rng: Rng): string {
  return `${alnum(rng, 4)}-${alnum(rng, 4)}-${alnum(rng, 4)}`;
}

/** Marks a line shipped (optionally delivered) with tracking, serials and an invoice. */
export function shipLine(line: SandboxLine, rng: Rng, shippedAt: number, delivered: boolean): void {
  const tracking = trackingFor(rng, line.carrierCode);
  const serialCount = line.unitWeight > 0 && line.quantityOrdered <= 5 ? line.quantityOrdered : 0;
  line.quantityConfirmed = line.quantityOrdered;
  line.quantityBackOrdered = 0;
  line.backOrderETADate = undefined;
  line.lineStatus = delivered ? "Delivered" : "Shipped";
  line.shipment = {
    deliveryNumber: `8${digits(rng, 9)}`,
    shippedDate: ymd(shippedAt),
    estimatedDeliveryDate: ymd(shippedAt + int(rng, 2, 5) * DAY_MS),
    deliveredDate: delivered ? ymd(shippedAt + int(rng, 1, 4) * DAY_MS) : undefined,
    invoiceNumber: line.subOrderNumber.replace(/-/g, ""),
    invoiceDate: ymd(shippedAt),
    trackingNumber: tracking.number,
    trackingUrl: tracking.url,
    packageWeight: (Math.max(line.unitWeight, 0.1) * line.quantityOrdered).toFixed(2),
    cartonNumber: `C${digits(rng, 8)}`,
    serialNumbers: Array.from({ length: serialCount }, () => serial(rng)),
  };
}
