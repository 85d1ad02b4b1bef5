/** Requests to Ingram are small; a body past this is refused with 413 before it is buffered. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export type DetailStatus = "Processing" | "Shipped" | "Backordered" | "On Hold" | "Canceled" | "Delivered";
export type LineStatus = "In Progress" | "Shipped" | "Backordered" | "On Hold" | "Canceled" | "Delivered";

export interface Address {
  contact?: string;
  companyName?: string;
  addressLine1?: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  countryCode?: string;
  phoneNumber?: string;
  email?: string;
}

export interface Shipment {
  deliveryNumber: string;
  shippedDate: string; // yyyy-MM-dd
  estimatedDeliveryDate: string;
  deliveredDate?: string;
  invoiceNumber?: string;
  invoiceDate?: string;
  trackingNumber: string;
  trackingUrl: string;
  packageWeight: string;
  cartonNumber: string;
  serialNumbers: string[];
}

export interface SandboxLine {
  ingramLineNumber: string; // "001"
  subOrderNumber: string;
  customerLineNumber: string;
  lineStatus: LineStatus;
  ingramPartNumber: string;
  vendorPartNumber: string;
  vendorName: string;
  partDescription: string;
  upcCode: string;
  unitWeight: number;
  unitPrice: number;
  quantityOrdered: number;
  quantityConfirmed: number;
  quantityBackOrdered: number;
  specialBidNumber?: string;
  notes?: string;
  carrierCode: string;
  carrierName: string;
  warehouseId: string;
  promisedDeliveryDate?: string;
  backOrderETADate?: string;
  /** As the create request asked (shipmentDetails.requestedDeliveryDate). */
  requestedDeliveryDate?: string;
  /** v7 subscription fields of the create request (resourceId, planid, subscriptionPeriod). */
  subscription?: { resourceId?: string; planId?: string; subscriptionId?: string; term?: string; startDate?: string };
  shipment?: Shipment;
}

export interface SandboxOrder {
  ingramOrderNumber: string;
  createdAt: number; // epoch ms (order date)
  orderType: "S" | "D";
  customerOrderNumber: string;
  endCustomerOrderNumber?: string;
  vendorSalesOrderNumber?: string;
  /** Set for orders that came in through Ingram's web channel (v7 requests, web POs). */
  webOrderId?: string;
  status: DetailStatus;
  /** On customer hold (allowOrderOnCustomerHold): the only state in which modify/cancel/release work. */
  customerHold: boolean;
  /** Ingram's own reason for a hold that is not a customer hold (rendered as the `holdReason` attribute). */
  ingramHoldReason?: string;
  holdPlacedAt?: number;
  released: boolean;
  modifiedAt?: number;
  freightCharges: number;
  totalTax: number;
  currencyCode: string;
  paymentTerms: string;
  notes?: string;
  billToAddressId: string;
  specialBidNumber?: string;
  billToInfo: Address;
  shipToInfo: Address;
  endUserInfo: Address;
  lines: SandboxLine[];
  miscellaneousCharges: {
    subOrderNumber: string;
    chargeLineReference: string;
    chargeDescription: string;
    chargeAmount: number;
  }[];
}

export interface CatalogItem {
  ingramPartNumber: string;
  vendorPartNumber: string;
  vendorName: string;
  description: string;
  unitPrice: number;
  unitWeight: number;
  upcCode: string;
  /** Stock on hand; quantities above it are backordered. */
  stock: number;
  electronic?: boolean;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string;
}
