import { z } from "zod";
import { rAddress } from "./common";
import { qAttribute, qPhone, qStr, rArr, rAttribute, rNum, rObj, rOneOrMany, rStr } from "./primitives";

/* PUT /resellers/v6/orders/{orderNumber} — request (strict). Release sends `{}` with ?actionCode=release. */

export const OrderModifyRequest = z
  .strictObject({
    notes: qStr(132),
    shipToInfo: z
      .strictObject({
        addressId: qStr(10),
        contact: qStr(40),
        companyName: qStr(40),
        name1: qStr(40),
        name2: qStr(40),
        addressLine1: qStr(60),
        addressLine2: qStr(40),
        addressLine3: qStr(40),
        city: qStr(25),
        state: qStr(3),
        postalCode: qStr(10),
        countryCode: qStr(3),
        phoneNumber: qPhone(30),
        email: qStr(241),
      })
      .partial(),
    lines: z.array(
      z
        .strictObject({
          ingramPartNumber: qStr(18),
          ingramLineNumber: qStr(6),
          customerLineNumber: qStr(6),
          addUpdateDeleteLine: z.enum(["ADD", "UPDATE", "DELETE"]),
          quantity: z.number().int().min(0),
          notes: qStr(132),
        })
        .partial(),
    ),
    additionalAttributes: z.array(qAttribute),
  })
  .partial();
export type OrderModifyRequest = z.input<typeof OrderModifyRequest>;

/* 200 / 201 / 207 response (tolerant). Examples use lineNumber where the schema says ingramLineNumber. */

export const OrderModifyResponse = rObj({
  ingramOrderNumber: rStr,
  changeDescription: rStr,
  orderModifiedDate: rStr,
  customerOrderNumber: rStr,
  endCustomerOrderNumber: rStr,
  orderTotal: rNum,
  notes: rStr,
  orderSubTotal: rNum,
  freightCharges: rNum,
  totalTax: rNum,
  orderStatus: rStr,
  billToAddressId: rStr,
  shipToInfo: rAddress.nullish(),
  lines: rArr(
    rObj({
      subOrderNumber: rStr,
      ingramLineNumber: rStr,
      lineNumber: rStr,
      customerLineNumber: rStr,
      ingramPartNumber: rStr,
      vendorPartNumber: rStr,
      quantityOrdered: rNum,
      quantityConfirmed: rNum,
      quantityBackOrdered: rNum,
      shipmentDetails: rOneOrMany(rObj({ carrierCode: rStr, carrierName: rStr, freightAccountNumber: rStr })),
      additionalAttributes: rArr(rAttribute),
      notes: rStr,
    }),
  ),
  rejectedLineItems: rArr(
    rObj({
      ingramLineNumber: rStr,
      lineNumber: rStr,
      customerLineNumber: rStr,
      ingramPartNumber: rStr,
      vendorPartNumber: rStr,
      quantityOrdered: rNum,
      rejectCode: rStr,
      rejectReason: rStr,
    }),
  ),
  additionalAttributes: rArr(rAttribute),
});
export type OrderModifyResponse = z.output<typeof OrderModifyResponse>;
