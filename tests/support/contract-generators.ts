import fc from "fast-check";
import type { GetOrderQuery, SearchOrdersQuery } from "@/lib/ingram/schemas/query-params";
import type { OrderCreateRequest } from "@/lib/ingram/schemas/order-create";
import type { OrderCreateV7Request } from "@/lib/ingram/schemas/order-create-v7";
import type { OrderModifyRequest } from "@/lib/ingram/schemas/order-modify";
import { ORDER_STATUS_FILTERS, SIMULATE_STATUSES } from "@/lib/ingram/schemas/query-params";

/* Valid-by-construction inputs for the six operations, for the contract test (seeded, reproducible). */

const text = (max: number, min = 1) =>
  fc.stringMatching(new RegExp(`^[A-Za-z0-9][A-Za-z0-9 .-]{${min - 1},${max - 1}}$`));
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const ymd = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const range = fc.tuple(ymd, ymd).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
const parts = fc.constantFrom("TSXML1", "TSXML3", "DF4128", "RQ6000", "4U0212", "2GZ200", "XXXXXX");
const attribute = fc.record({
  attributeName: fc.constantFrom(
    "allowPartialOrder",
    "allowOrderOnCustomerHold",
    "allowDuplicateCustomerOrderNumber",
    "shipFromWarehouseId",
  ),
  attributeValue: fc.constantFrom("true", "false", "10"),
});

export const searchQuery: fc.Arbitrary<SearchOrdersQuery> = fc.record(
  {
    ingramOrderNumber: fc.constantFrom("20-SHP01", "20-HLD01", "20-PRC01", "20-ZZZZZ"),
    orderStatus: fc.constantFrom(...ORDER_STATUS_FILTERS),
    "orderStatus-in": fc.uniqueArray(fc.constantFrom(...ORDER_STATUS_FILTERS), { minLength: 1, maxLength: 3 }),
    ingramOrderDate: ymd,
    "ingramOrderDate-bt": range,
    customerOrderNumber: fc.constantFrom("ROLLOUT", "PO79123920", "NOPE"),
    endCustomerOrderNumber: text(35),
    invoiceDate_bt: range,
    shipDate_bt: range,
    deliveryDate_bt: range,
    ingramPartNumber: parts,
    vendorPartNumber: text(35),
    serialNumber: text(35),
    trackingNumber: digits(12, 12),
    vendorName: fc.constantFrom("CISCO", "LOGITECH"),
    specialBidNumber: digits(8, 8),
    pageSize: fc.integer({ min: 1, max: 100 }),
    pageNumber: fc.integer({ min: 1, max: 5 }),
  },
  { requiredKeys: [] },
);

export const getQuery: fc.Arbitrary<GetOrderQuery> = fc.record(
  {
    ingramOrderDate: ymd,
    vendorNumber: digits(4, 6),
    simulateStatus: fc.constantFrom(...SIMULATE_STATUSES),
    isIml: fc.boolean(),
    regionCode: fc.constantFrom("CS", "US"),
  },
  { requiredKeys: [] },
);

const address = fc.record(
  {
    contact: text(40),
    companyName: text(40),
    addressLine1: text(60),
    city: text(25),
    state: fc.constantFrom("CA", "TX", "NY"),
    postalCode: digits(5, 9),
    countryCode: fc.constant("US"),
    phoneNumber: digits(10, 10),
    email: fc.constant("buyer@example.com"),
  },
  { requiredKeys: [] },
);

const createLine = fc.record(
  {
    customerLineNumber: digits(1, 3),
    ingramPartNumber: parts,
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPrice: fc.integer({ min: 1, max: 99_999 }).map((c) => c / 100),
    notes: text(40),
    endUserInfo: fc.array(
      fc.record({ endUserType: fc.constant("endUser"), companyName: text(30), phoneNumber: digits(10, 10) }),
      { maxLength: 1 },
    ),
  },
  { requiredKeys: ["ingramPartNumber", "quantity"] },
);

export const createBody = (po: fc.Arbitrary<string>): fc.Arbitrary<OrderCreateRequest> =>
  fc.record(
    {
      customerOrderNumber: po,
      endCustomerOrderNumber: text(35),
      billToAddressId: fc.constant("000"),
      notes: text(100),
      acceptBackOrder: fc.boolean(),
      resellerInfo: fc.record({ companyName: text(40), phoneNumber: digits(10, 10) }, { requiredKeys: [] }),
      shipToInfo: address,
      endUserInfo: fc.oneof(address, fc.constant({}), fc.constant({ companyName: "", contact: "" })), // pruned before sending
      lines: fc.array(createLine, { minLength: 1, maxLength: 3 }),
      shipmentDetails: fc.record(
        {
          carrierCode: fc.constantFrom("RG", "UG"),
          shipComplete: fc.constantFrom("C", "P", "E"),
          signatureRequired: fc.boolean(),
          requestedDeliveryDate: ymd,
          shippingInstructions: text(132),
        },
        { requiredKeys: [] },
      ),
      additionalAttributes: fc.array(attribute, { maxLength: 2 }),
    },
    { requiredKeys: ["customerOrderNumber", "lines"] },
  );

export const createV7Body = (po: fc.Arbitrary<string>): fc.Arbitrary<OrderCreateV7Request> =>
  fc.record(
    {
      customerOrderNumber: po,
      endCustomerOrderNumber: fc.option(text(18), { nil: null }),
      notes: text(100),
      acceptBackOrder: fc.boolean(),
      resellerInfo: fc.record({ companyName: text(40), phoneNumber: digits(10, 10) }, { requiredKeys: [] }),
      endUserInfo: fc.oneof(
        fc.record({ companyName: text(40), city: text(25), phoneNumber: digits(10, 10) }, { requiredKeys: [] }),
        fc.constant({}),
      ),
      shipmentDetails: fc.record(
        {
          carrierCode: fc.constantFrom("RG", "UG"),
          shipComplete: fc.constantFrom("C", "P"),
          signatureRequired: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      lines: fc.array(
        fc.record(
          {
            customerLineNumber: digits(1, 3),
            ingramPartNumber: parts,
            quantity: fc.integer({ min: 1, max: 20 }),
            unitPrice: fc.integer({ min: 1, max: 9999 }).map((c) => c / 100),
          },
          { requiredKeys: ["ingramPartNumber", "quantity"] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      additionalAttributes: fc.array(attribute, { maxLength: 2 }),
    },
    { requiredKeys: ["customerOrderNumber", "lines"] },
  );

export const modifyBody: fc.Arbitrary<OrderModifyRequest> = fc.oneof(
  fc.record({ notes: text(132) }),
  fc.record({
    shipToInfo: fc.record(
      {
        companyName: text(40),
        addressLine1: text(60),
        city: text(25),
        postalCode: digits(5, 9),
        countryCode: fc.constant("US"),
        phoneNumber: digits(10, 10),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    lines: fc.array(
      fc.record({
        customerLineNumber: digits(3, 3),
        ingramPartNumber: parts,
        addUpdateDeleteLine: fc.constant("ADD" as const),
        quantity: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  }),
  fc.record({
    lines: fc.array(
      fc.record({
        ingramLineNumber: fc.constantFrom("001", "002", "009"),
        addUpdateDeleteLine: fc.constantFrom("UPDATE" as const, "DELETE" as const),
        quantity: fc.integer({ min: 1, max: 5 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);
