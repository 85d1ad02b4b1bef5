import { z } from "zod";
import { rAddress } from "./common";
import { rCreatedOrder } from "./order-create";
import { qAttribute, qPhone, qStr, rArr, rBool, rNum, rObj, rStr } from "./primitives";

/* POST /resellers/v7/orders — request (strict). v7 rejects quoted booleans and wants string phones. */

const n = <T extends z.ZodType>(t: T) => t.nullable();

const vendorAttribute = z
  .strictObject({
    vendorName: qStr(),
    productId: qStr(),
    additionalAttributes: z.array(
      z
        .strictObject({
          attributeName: qStr(),
          attributeValue: qStr(),
          attributeDescription: qStr(),
          attributeHint: qStr(),
          choices: z.array(
            z
              .strictObject({
                attributeValue: qStr(),
                attributeDescription: qStr(),
                choices: z.array(z.strictObject({ attributename: qStr(), attributeValue: qStr() }).partial()),
              })
              .partial(),
          ),
        })
        .partial(),
    ),
  })
  .partial();

const v7Line = z
  .strictObject({
    customerLineNumber: qStr(3),
    ingramPartNumber: qStr(18),
    vendorPartNumber: qStr(),
    quantity: z.number().int().min(0),
    unitPrice: z.number().finite(),
    specialBidNumber: qStr(36),
    endUserPrice: z.number().finite(),
    notes: qStr(),
    resourceId: qStr(),
    planid: qStr(),
    subscriptionPeriod: z.array(
      z
        .strictObject({
          type: qStr(),
          duration: z.number().int(),
          startDate: qStr(),
          endDateAlignmentType: qStr(),
          subscriptionId: qStr(),
        })
        .partial(),
    ),
    billingPeriod: z.array(z.strictObject({ type: qStr(), duration: z.number().int() }).partial()),
    margin: z.number().finite(),
    endCustomerPrice: z.number().finite(),
    vriAdditionalAttributes: z.array(vendorAttribute),
    endUserInfo: z.array(
      z
        .strictObject({
          endUserId: qStr(10),
          endUserType: qStr(),
          companyName: qStr(),
          addressLine1: qStr(),
          addressLine2: qStr(),
          contact: qStr(),
          city: qStr(),
          state: qStr(),
          postalCode: qStr(),
          countryCode: qStr(),
          phoneNumber: qPhone(30),
          email: qStr(241),
        })
        .partial(),
    ),
    additionalAttributes: z.array(qAttribute),
    warrantyInfo: z
      .strictObject({
        hardwareLineLink: qStr(),
        warrantyLineLink: qStr(),
        directLineLink: qStr(25),
        serialInfo: z.array(
          z
            .strictObject({
              dateOfPurchase: qStr(8),
              shipDate: qStr(8),
              primarySerialNumber: qStr(),
              secondarySerialNumber: qStr(),
            })
            .partial(),
        ),
      })
      .partial(),
    vmfAdditionalAttributesLines: z.array(qAttribute),
  })
  .partial();

export const OrderCreateV7Request = z
  .strictObject({
    quoteNumber: n(qStr(35)),
    customerOrderNumber: qStr(18),
    endCustomerOrderNumber: n(qStr(18)),
    notes: qStr(),
    billToAddressId: qStr(),
    specialBidNumber: n(qStr()),
    acceptBackOrder: n(z.boolean()),
    vendAuthNumber: n(qStr()),
    resellerInfo: n(
      z
        .strictObject({
          resellerId: n(qStr()),
          companyName: n(qStr(40)),
          contact: n(qStr()),
          addressLine1: n(qStr()),
          addressLine2: n(qStr()),
          city: n(qStr()),
          state: n(qStr()),
          postalCode: n(qStr(10)),
          countryCode: n(qStr(10)),
          phoneNumber: n(qPhone()),
          email: n(qStr()),
        })
        .partial(),
    ),
    endUserInfo: z
      .strictObject({
        endUserId: n(qStr()),
        contact: n(qStr()),
        companyName: n(qStr(40)),
        addressLine1: n(qStr(70)),
        addressLine2: n(qStr(70)),
        city: n(qStr(25)),
        state: n(qStr(3)),
        postalCode: n(qStr(10)),
        countryCode: n(qStr(10)),
        phoneNumber: n(qPhone()),
        email: n(qStr()),
      })
      .partial(),
    shipToInfo: n(
      z
        .strictObject({
          addressId: qStr(10),
          contact: n(qStr(70)),
          companyName: n(qStr(40)),
          addressLine1: n(qStr(70)),
          addressLine2: n(qStr(70)),
          city: n(qStr(25)),
          state: n(qStr(3)),
          postalCode: n(qStr()),
          countryCode: n(qStr(10)),
          email: n(qStr()),
          shippingNotes: n(qStr()),
          phoneNumber: n(qPhone()),
        })
        .partial(),
    ),
    shipmentDetails: n(
      z
        .strictObject({
          carrierCode: n(qStr(10)),
          requestedDeliveryDate: n(qStr(8)),
          shipComplete: n(qStr(1)),
          shippingInstructions: n(qStr(132)),
          freightAccountNumber: n(qStr()),
          signatureRequired: n(z.boolean()),
        })
        .partial(),
    ),
    additionalAttributes: n(
      z.array(n(z.strictObject({ attributeName: n(qStr()), attributeValue: n(qStr()) }).partial())),
    ),
    vmfAdditionalAttributes: z.array(qAttribute),
    vmfVendorAdditionalAttributes: z.array(vendorAttribute),
    vriAdditionalAttributes: z.array(vendorAttribute),
    lines: z.array(v7Line),
  })
  .partial();
export type OrderCreateV7Request = z.input<typeof OrderCreateV7Request>;

/**
 * Immediate acknowledgement: documented as 200 with schema OrderCreateV7Response201, while the spec's 201
 * documents the webhook body; any 2xx is read as this.
 * confirmationNumber is alphanumeric (`US-I-T-…`), so a number there is a broken payload, not coerced.
 */
export const OrderCreateV7Ack = rObj({ quoteNumber: rStr, confirmationNumber: z.string().nullish(), message: rStr });
export type OrderCreateV7Ack = z.output<typeof OrderCreateV7Ack>;

const v7Resource = rObj({
  eventType: rStr,
  customerOrderNumber: rStr,
  endCustomerOrderNumber: rStr,
  billToAddressId: rStr,
  orderSplit: rBool,
  processedPartially: rBool,
  purchaseOrderTotal: rNum,
  shipToInfo: rAddress.nullish(),
  resellerInfo: rAddress.nullish(),
  endUserInfo: rAddress.nullish(),
  orders: rArr(rCreatedOrder),
});

const v7Event = rObj({
  topic: rStr,
  event: rStr,
  eventTimeStamp: rStr,
  eventId: rStr,
  eventType: rStr,
  resource: v7Resource.nullish(),
});

/**
 * v7 result webhook (schema OrderCreateV7Response). The schema shows one event object; the example is a
 * JSON array of events with eventType inside resource. Always read as an array.
 */
export const OrderCreateV7Webhook = z.union([z.array(v7Event), v7Event.transform((e) => [e])]);
export type OrderCreateV7Webhook = z.output<typeof OrderCreateV7Webhook>;
