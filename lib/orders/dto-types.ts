// Portal-side order shapes. Components and pages use only these; Ingram's wire types stay behind dto.ts.

/** Normalized order/line state: Ingram describes states in several vocabularies that disagree. */
export type OrderState =
  | "open"
  | "processing"
  | "on_hold"
  | "backordered"
  | "shipped"
  | "partially_shipped"
  | "delivered"
  | "invoiced"
  | "closed"
  | "cancelled"
  | "unknown";

export interface Status {
  state: OrderState;
  /** Human label, e.g. "On hold". */
  label: string;
  /** Ingram's text as received, for tooltips and support. */
  raw: string | null;
}

export interface Address {
  addressId: string | null;
  contact: string | null;
  companyName: string | null;
  /** addressLine1..4 without blanks. */
  lines: string[];
  city: string | null;
  state: string | null;
  postalCode: string | null;
  countryCode: string | null;
  phone: string | null;
  email: string | null;
}

export interface Attribute {
  name: string;
  value: string;
}

export interface SubOrderSummary {
  subOrderNumber: string;
  total: number | null;
  status: Status;
}

export interface OrderSummary {
  orderNumber: string;
  /** yyyy-MM-dd when Ingram gave a date, else the raw text. */
  orderDate: string | null;
  customerOrderNumber: string | null;
  vendorSalesOrderNumber: string | null;
  vendorName: string | null;
  endUserCompanyName: string | null;
  total: number | null;
  status: Status;
  subOrders: SubOrderSummary[];
  /** Every vendor on the order's lines (the index knows them; a live Ingram page gives its one vendorName). */
  vendorNames?: string[];
  endCustomerOrderNumber?: string | null;
  /** yyyy-MM-dd; the index only. */
  shipDate?: string | null;
  lineCount?: number | null;
  currency?: string | null;
}

export interface OrderSearchPage {
  orders: OrderSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** index: the portal's order index answered (sorted across all pages); ingram: one live Ingram page. */
  source?: "index" | "ingram";
  /** ISO time the index last received anything for the account; null when it holds nothing yet. */
  syncedAt?: string | null;
  /** Sum of the totals of every matching order (index answers only). */
  totalValue?: number | null;
  /** Why a live Ingram page answered instead of the index. */
  liveReason?: string;
}

export interface Tracking {
  trackingNumber: string | null;
  trackingUrl: string | null;
  carrierName: string | null;
  /** The package's weight as Ingram writes it (text, in the order's weight unit). */
  packageWeight: string | null;
  cartonNumber: string | null;
  quantityInBox: string | null;
  serialNumbers: string[];
}

/** One estimate of a line's ship or delivery date (Ingram gives a date or a range, with where it came from). */
export interface EstimatedDate {
  kind: "ship" | "delivery";
  type: string | null;
  date: string | null;
  rangeStart: string | null;
  rangeEnd: string | null;
  source: string | null;
  description: string | null;
}

export interface ScheduleLine {
  lineNumber: string | null;
  date: string | null;
  requestedQuantity: number | null;
  confirmedQuantity: number | null;
  goodsIssueDate: string | null;
}

/** A line's subscription, contract and licence (Ingram's serviceContractInfo). */
export interface ServiceContract {
  contractNumber: string | null;
  contractDescription: string | null;
  contractStatus: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  contractDuration: string | null;
  subscriptionId: string | null;
  subscriptionTerm: string | null;
  renewalTerm: string | null;
  billingModel: string | null;
  subscriptionStart: string | null;
  subscriptionEnd: string | null;
  licenseNumbers: string[];
  licenseStart: string | null;
  licenseEnd: string | null;
  licenseDescription: string | null;
  licenseQuantity: string | null;
}

export interface Shipment {
  quantity: number | null;
  deliveryNumber: string | null;
  shippedDate: string | null;
  estimatedShipDate: string | null;
  estimatedDeliveryDate: string | null;
  deliveredDate: string | null;
  warehouse: string | null;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  tracking: Tracking[];
}

export interface OrderLine {
  lineNumber: string | null;
  subOrderNumber: string | null;
  customerLineNumber: string | null;
  status: Status;
  ingramPartNumber: string | null;
  vendorPartNumber: string | null;
  vendorName: string | null;
  description: string | null;
  upcCode: string | null;
  unitPrice: number | null;
  extendedPrice: number | null;
  taxAmount: number | null;
  unitWeight: number | null;
  weightUnit: string | null;
  specialBidNumber: string | null;
  carrierName: string | null;
  requestedDeliveryDate: string | null;
  quantityOrdered: number | null;
  quantityConfirmed: number | null;
  quantityBackOrdered: number | null;
  promisedDeliveryDate: string | null;
  backOrderEtaDate: string | null;
  notes: string | null;
  shipments: Shipment[];
  estimatedDates: EstimatedDate[];
  scheduleLines: ScheduleLine[];
  serviceContract: ServiceContract | null;
}

export interface MiscCharge {
  subOrderNumber: string | null;
  reference: string | null;
  description: string | null;
  amount: number | null;
}

export interface OrderDetail {
  orderNumber: string;
  orderDate: string | null;
  /** ingramOrderDate as Ingram sent it (a day, or a date-time with offset): when a hold is voided is read from it. */
  orderedAt: string | null;
  orderType: string | null;
  customerOrderNumber: string | null;
  endCustomerOrderNumber: string | null;
  vendorSalesOrderNumber: string | null;
  /** Ingram's own purchase order number for the order. */
  ingramPurchaseOrderNumber: string | null;
  /** Set when the order came in through Ingram's web channel. */
  webOrderId: string | null;
  /** Total weight, in `weightUnit` (Ingram: lb in North America, kg elsewhere). */
  totalWeight: number | null;
  weightUnit: string | null;
  status: Status;
  /** On customer hold: the only state in which Ingram lets us modify, release or cancel. */
  onHold: boolean;
  currency: string | null;
  totals: {
    total: number | null;
    subTotal: number | null;
    freight: number | null;
    tax: number | null;
    fees: number | null;
  };
  paymentTerms: string | null;
  notes: string | null;
  billTo: Address | null;
  shipTo: Address | null;
  endUser: Address | null;
  lines: OrderLine[];
  charges: MiscCharge[];
  attributes: Attribute[];
}

export interface LineResult {
  ingramPartNumber: string | null;
  quantity: number | null;
  customerLineNumber: string | null;
  lineNumber: string | null;
  orderNumber: string | null;
  result: "accepted" | "rejected";
  /** Why Ingram refused the line (rejectReason / code); null when accepted. */
  reason: string | null;
  status: Status | null;
}

export type CommandOutcome = "succeeded" | "partially_succeeded" | "unknown";

export interface CreatedOrderRef {
  orderNumber: string;
  orderDate: string | null;
  total: number | null;
  currency: string | null;
}

export interface CreateOrderResult {
  outcome: CommandOutcome;
  customerOrderNumber: string;
  orders: CreatedOrderRef[];
  lines: LineResult[];
  /** Plain-words summary for the form (e.g. "2 of 3 lines accepted"). */
  message: string;
}

export interface ModifyOrderResult {
  outcome: CommandOutcome;
  orderNumber: string;
  changeDescription: string | null;
  lines: LineResult[];
  message: string;
}

export interface OrderActionResult {
  outcome: CommandOutcome;
  orderNumber: string;
  message: string;
}

/** submitted: saved, not yet acknowledged by Ingram; pending: acknowledged, awaiting the result webhook. */
export type OrderRequestStatus = "submitted" | "pending" | "created" | "failed" | "unknown";

export interface OrderRequestView {
  id: string;
  confirmationNumber: string | null;
  customerOrderNumber: string;
  status: OrderRequestStatus;
  orderNumbers: string[];
  createdByEmail: string;
  createdAt: string;
  updatedAt: string;
  message: string | null;
  /** Ingram's reasons for a failure (redacted), or ours when no result came. */
  reasons: string[];
  /** What settled it: Ingram's reply to the POST, its result webhook, or a search by PO after the timeout. */
  resolvedBy: "ack" | "webhook" | "search" | null;
}
