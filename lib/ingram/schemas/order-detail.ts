import { z } from "zod";
import { rAddress } from "./common";
import { rArr, rAttribute, rLink, rNum, rObj, rOneOrMany, rStr } from "./primitives";

/* GET /resellers/v6.1/orders/{ordernumber} — OrderDetailB2B, tolerant. */

const rSerial = rObj({ serialNumber: rStr });

const rTracking = rObj({
  trackingNumber: rStr,
  trackingUrl: rStr,
  packageWeight: rStr,
  cartonNumber: rStr,
  quantityInBox: rStr,
  serialNumbers: rArr(rSerial),
});

const rCarrier = rObj({
  carrierCode: rStr,
  carrierName: rStr,
  quantity: rNum,
  shippedDate: rStr,
  estimatedDeliveryDate: rStr,
  deliveredDate: rStr,
  carrierPickupDate: rStr,
  trackingDetails: rOneOrMany(rTracking),
});

const rDetailShipment = rObj({
  quantity: rNum,
  deliveryNumber: rStr,
  estimatedShipDate: rStr,
  shippedDate: rStr,
  estimatedDeliveryDate: rStr,
  shipFromWarehouseId: rStr,
  shipFromLocation: rStr,
  invoiceNumber: rStr,
  invoiceDate: rStr,
  carrierDetails: rOneOrMany(rCarrier),
});

const rRange = rObj({ startDate: rStr, endDate: rStr });

const rServiceContract = rObj({
  contractInfo: rObj({
    contractDescription: rStr,
    contractNumber: rStr,
    contractStatus: rStr,
    contractStartDate: rStr,
    contractEndDate: rStr,
    contractDuration: rStr,
  }).nullish(),
  subscriptions: rObj({
    subscriptionId: rStr,
    subscriptionTerm: rStr,
    renewalTerm: rStr,
    billingModel: rStr,
    subcriptionStartDate: rStr,
    subcriptionEndDate: rStr,
  }).nullish(),
  licenseInfo: rObj({
    licenseNumber: rOneOrMany(rStr),
    licenseStartDate: rStr,
    licenseEndDate: rStr,
    description: rStr,
    quantity: rStr,
  }).nullish(),
});

const rDetailLine = rObj({
  subOrderNumber: rStr,
  ingramOrderLineNumber: rStr,
  vendorSalesOrderLineNumber: rStr,
  customerLineNumber: rStr,
  lineStatus: rStr,
  ingramPartNumber: rStr,
  vendorPartNumber: rStr,
  vendorName: rStr,
  partDescription: rStr,
  unitWeight: rNum,
  weightUom: rStr,
  unitPrice: rNum,
  upcCode: rStr,
  extendedPrice: rNum,
  taxAmount: rNum,
  currencyCode: rStr,
  quantityOrdered: rNum,
  quantityConfirmed: rNum,
  quantityBackOrdered: rNum,
  specialBidNumber: rStr,
  requestedDeliverydate: rStr,
  promisedDeliveryDate: rStr,
  backOrderETADate: rStr,
  lineNotes: rStr,
  shipmentDetails: rOneOrMany(rDetailShipment),
  serviceContractInfo: rServiceContract.nullish(),
  additionalAttributes: rArr(rAttribute),
  links: rOneOrMany(rLink),
  estimatedDates: rArr(
    rObj({
      ship: rObj({
        shipDateType: rStr,
        shipDateRange: rRange.nullish(),
        shipSource: rStr,
        shipDescription: rStr,
        shipDate: rStr,
      }).nullish(),
      delivery: rObj({
        deliveryDateType: rStr,
        deliveryDateRange: rRange.nullish(),
        deliverySource: rStr,
        deliveryDescription: rStr,
        deliveryDate: rStr,
      }).nullish(),
    }),
  ),
  scheduleLines: rArr(
    rObj({
      lineNumber: rStr,
      scheduleLineDate: rStr,
      requestedQuantity: rNum,
      confirmedQuantity: rNum,
      goodsIssueDate: rStr,
    }),
  ),
  multipleShipments: rArr(
    rObj({
      lineNumber: rStr,
      requestedQuantity: rNum,
      confirmedQuantity: rNum,
      dateType: rStr,
      dateRange: rRange.nullish(),
      source: rStr,
      description: rStr,
      date: rStr,
      deliveryDate: rStr,
    }),
  ),
  defaultCarrierName: rStr,
});

export const OrderDetail = rObj({
  ingramOrderNumber: rStr,
  ingramOrderDate: rStr,
  orderType: rStr,
  customerOrderNumber: rStr,
  endCustomerOrderNumber: rStr,
  webOrderId: rStr,
  vendorSalesOrderNumber: rStr,
  ingramPurchaseOrderNumber: rStr,
  orderStatus: rStr,
  orderTotal: rNum,
  orderSubTotal: rNum,
  freightCharges: rNum,
  currencyCode: rStr,
  totalWeight: rNum,
  totalTax: rNum,
  totalFees: rNum,
  paymentTerms: rStr,
  notes: rStr,
  billToInfo: rAddress.nullish(),
  shipToInfo: rAddress.nullish(),
  endUserInfo: rAddress.nullish(),
  lines: rArr(rDetailLine),
  miscellaneousCharges: rArr(
    rObj({ subOrderNumber: rStr, chargeLineReference: rStr, chargeDescription: rStr, chargeAmount: rNum }),
  ),
  additionalAttributes: rArr(rAttribute),
});
export type OrderDetail = z.output<typeof OrderDetail>;
