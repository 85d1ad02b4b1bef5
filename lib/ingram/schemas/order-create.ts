import { z } from "zod";
import { rAddress } from "./common";
import {
  qAttribute,
  qDate,
  qPhone,
  qStr,
  rArr,
  rAttribute,
  rBool,
  rLink,
  rNum,
  rObj,
  rOneOrMany,
  rStr,
} from "./primitives";

/*
 * POST /resellers/v6/orders — request (strict). Phone numbers are sent as strings although the v6 spec still
 * types two of them as numbers: v7 requires strings, and a numeric phone loses leading zeros.
 */

const v6Address = {
  contact: qStr(70),
  companyName: qStr(40),
  name1: qStr(),
  name2: qStr(),
  addressLine1: qStr(70),
  addressLine2: qStr(70),
  addressLine3: qStr(70),
  addressLine4: qStr(),
  city: qStr(25),
  state: qStr(3),
  postalCode: qStr(10),
  countryCode: qStr(10),
  phoneNumber: qPhone(),
  email: qStr(),
};

const lineEndUser = z
  .strictObject({
    endUserType: qStr(),
    endUserId: qStr(10),
    contact: qStr(),
    companyName: qStr(),
    name1: qStr(35),
    name2: qStr(),
    addressLine1: qStr(),
    addressLine2: qStr(),
    addressLine3: qStr(),
    addressLine4: qStr(),
    city: qStr(),
    state: qStr(),
    postalCode: qStr(),
    countryCode: qStr(3),
    phoneNumber: qPhone(30),
    email: qStr(241),
  })
  .partial();

const warrantyInfo = z
  .strictObject({
    directLineLink: qStr(25),
    warrantyLineLink: qStr(),
    hardwareLineLink: qStr(),
    serialInfo: z.array(
      z
        .strictObject({
          dateofPurchase: qDate,
          shipDate: qDate,
          primarySerialNumber: qStr(),
          secondarySerialNumber: qStr(),
        })
        .partial(),
    ),
  })
  .partial();

// customerPartNumber is not in the spec's schema but Ingram's own "Order with CPN - SAP" example sends it.
const createLine = z
  .strictObject({
    customerLineNumber: qStr(3),
    ingramPartNumber: qStr(18),
    customerPartNumber: qStr(35),
    quantity: z.number().int().min(0),
    specialBidNumber: qStr(36),
    notes: qStr(),
    unitPrice: z.number().finite(),
    endUserPrice: z.number().finite(),
    additionalAttributes: z.array(qAttribute),
    warrantyInfo: z.array(warrantyInfo),
    endUserInfo: z.array(lineEndUser),
  })
  .partial();

export const OrderCreateRequest = z.strictObject({
  customerOrderNumber: z.string().min(1).max(35),
  endCustomerOrderNumber: qStr().optional(),
  billToAddressId: qStr(10).optional(),
  specialBidNumber: qStr().optional(),
  notes: qStr().optional(),
  acceptBackOrder: z.boolean().optional(),
  resellerInfo: z
    .strictObject({
      resellerId: qStr(),
      companyName: qStr(40),
      contact: qStr(),
      addressLine1: qStr(70),
      addressLine2: qStr(70),
      addressLine3: qStr(70),
      city: qStr(25),
      state: qStr(3),
      postalCode: qStr(10),
      countryCode: qStr(10),
      phoneNumber: qPhone(),
      email: qStr(),
    })
    .partial()
    .optional(),
  vmf: z.strictObject({ vendAuthNumber: qStr() }).partial().optional(),
  shipToInfo: z
    .strictObject({ addressId: qStr(10), ...v6Address })
    .partial()
    .optional(),
  endUserInfo: z
    .strictObject({ endUserId: qStr(), ...v6Address })
    .partial()
    .optional(),
  lines: z.array(createLine).optional(),
  shipmentDetails: z
    .strictObject({
      carrierCode: qStr(10),
      freightAccountNumber: qStr(),
      shipComplete: qStr(1),
      requestedDeliveryDate: qDate,
      signatureRequired: z.boolean(),
      shippingInstructions: qStr(132),
    })
    .partial()
    .optional(),
  additionalAttributes: z.array(qAttribute).optional(),
});
export type OrderCreateRequest = z.input<typeof OrderCreateRequest>;

/* 201 / 207 response (tolerant). shipmentDetails is an object in every example, an array in the schema. */

export const rCreateShipment = rObj({
  carrierCode: rStr,
  carrierName: rStr,
  shipFromWarehouseId: rStr,
  shipFromLocation: rStr,
  freightAccountNumber: rStr,
  signatureRequired: rStr,
  shippingInstructions: rStr,
});

export const rCreatedLine = rObj({
  subOrderNumber: rStr,
  ingramLineNumber: rStr,
  customerLineNumber: rStr,
  lineStatus: rStr,
  ingramPartNumber: rStr,
  vendorPartNumber: rStr,
  unitPrice: rNum,
  extendedUnitPrice: rNum,
  quantityOrdered: rNum,
  quantityConfirmed: rNum,
  quantityBackOrdered: rNum,
  specialBidNumber: rStr,
  notes: rStr,
  shipmentDetails: rOneOrMany(rCreateShipment),
  additionalAttributes: rArr(rAttribute),
});

export const rMiscCharge = rObj({
  subOrderNumber: rStr,
  chargeLineReference: rStr,
  chargeDescription: rStr,
  chargeAmount: rNum,
});

export const rCreatedOrder = rObj({
  numberOfLinesWithSuccess: rNum,
  numberOfLinesWithError: rNum,
  numberOfLinesWithWarning: rNum,
  ingramOrderNumber: rStr,
  ingramOrderDate: rStr,
  notes: rStr,
  orderType: rStr,
  orderTotal: rNum,
  freightCharges: rNum,
  totalTax: rNum,
  currencyCode: rStr,
  lines: rArr(rCreatedLine),
  miscellaneousCharges: rArr(rMiscCharge),
  links: rOneOrMany(rLink),
  rejectedLineItems: rArr(
    rObj({
      customerLinenumber: rStr,
      ingramPartNumber: rStr,
      vendorPartNumber: rStr,
      quantityOrdered: rNum,
      rejectCode: rStr,
      rejectReason: rStr,
    }),
  ),
  additionalAttributes: rArr(rAttribute),
});

export const OrderCreateResponse = rObj({
  customerOrderNumber: rStr,
  endCustomerOrderNumber: rStr,
  billToAddressId: rStr,
  specialBidNumber: rStr,
  orderSplit: rBool,
  processedPartially: rBool,
  purchaseOrderTotal: rNum,
  shipToInfo: rAddress.nullish(),
  endUserInfo: rAddress.nullish(),
  resellerInfo: rAddress.nullish(),
  orders: rArr(rCreatedOrder),
});
export type OrderCreateResponse = z.output<typeof OrderCreateResponse>;
