// A detail line's dates and contracts as the portal shows them: estimated ship/delivery dates, SAP schedule
// lines, and the subscription, contract and licence of serviceContractInfo. Pure; type-only on Ingram's side.
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import type { EstimatedDate, ScheduleLine, ServiceContract } from "./dto-types";
import { list, num, str, toDate } from "./dto-values";

type DetailLine = NonNullable<NonNullable<IngramOrderDetail["lines"]>[number]>;

export function toEstimatedDates(l: DetailLine): EstimatedDate[] {
  return list(l.estimatedDates).flatMap((e) => {
    const out: EstimatedDate[] = [];
    if (e.ship)
      out.push({
        kind: "ship",
        type: str(e.ship.shipDateType),
        date: toDate(e.ship.shipDate),
        rangeStart: toDate(e.ship.shipDateRange?.startDate),
        rangeEnd: toDate(e.ship.shipDateRange?.endDate),
        source: str(e.ship.shipSource),
        description: str(e.ship.shipDescription),
      });
    if (e.delivery)
      out.push({
        kind: "delivery",
        type: str(e.delivery.deliveryDateType),
        date: toDate(e.delivery.deliveryDate),
        rangeStart: toDate(e.delivery.deliveryDateRange?.startDate),
        rangeEnd: toDate(e.delivery.deliveryDateRange?.endDate),
        source: str(e.delivery.deliverySource),
        description: str(e.delivery.deliveryDescription),
      });
    return out.filter((d) => d.date || d.rangeStart || d.rangeEnd || d.description);
  });
}

export function toScheduleLines(l: DetailLine): ScheduleLine[] {
  return list(l.scheduleLines).map((s) => ({
    lineNumber: str(s.lineNumber),
    date: toDate(s.scheduleLineDate),
    requestedQuantity: num(s.requestedQuantity),
    confirmedQuantity: num(s.confirmedQuantity),
    goodsIssueDate: toDate(s.goodsIssueDate),
  }));
}

export function toServiceContract(l: DetailLine): ServiceContract | null {
  const info = l.serviceContractInfo;
  if (!info) return null;
  const c = info.contractInfo;
  const s = info.subscriptions;
  const lic = info.licenseInfo;
  const out: ServiceContract = {
    contractNumber: str(c?.contractNumber),
    contractDescription: str(c?.contractDescription),
    contractStatus: str(c?.contractStatus),
    contractStart: toDate(c?.contractStartDate),
    contractEnd: toDate(c?.contractEndDate),
    contractDuration: str(c?.contractDuration),
    subscriptionId: str(s?.subscriptionId),
    subscriptionTerm: str(s?.subscriptionTerm),
    renewalTerm: str(s?.renewalTerm),
    billingModel: str(s?.billingModel),
    subscriptionStart: toDate(s?.subcriptionStartDate),
    subscriptionEnd: toDate(s?.subcriptionEndDate),
    licenseNumbers: list(lic?.licenseNumber)
      .map((n) => str(n))
      .filter((n): n is string => !!n),
    licenseStart: toDate(lic?.licenseStartDate),
    licenseEnd: toDate(lic?.licenseEndDate),
    licenseDescription: str(lic?.description),
    licenseQuantity: str(lic?.quantity),
  };
  return Object.values(out).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null)) ? out : null;
}
