// Portal inputs that set every request field of Ingram's contract, and the Ingram bodies they must become.
// Used by request-fields.test.ts; the expected bodies are written out by hand from the spec, not computed.

const address = {
  contact: "PAT LEE",
  companyName: "END USER CO",
  addressLine1: "1 MAIN ST",
  addressLine2: "FLOOR 2",
  city: "IRVINE",
  state: "CA",
  postalCode: "92612",
  countryCode: "US",
  phoneNumber: "0714-555-0100",
  email: "pat@enduser.example",
};
const v6Names = { name1: "RECEIVING", name2: "DOCK 4", addressLine3: "BUILDING C" };

const lineEndUser = {
  endUserType: "endUser",
  endUserId: "EU001",
  contact: "PAT LEE",
  companyName: "END USER CO",
  addressLine1: "1 MAIN ST",
  city: "IRVINE",
  state: "CA",
  postalCode: "92612",
  countryCode: "US",
  phoneNumber: "0714-555-0100",
  email: "pat@enduser.example",
};

export const FULL_V6_INPUT = {
  customerOrderNumber: "set by the test",
  endCustomerOrderNumber: "EU-PO-1",
  notes: "Header note",
  customerHold: true,
  billToAddressId: "000",
  specialBidNumber: "SB-HEADER",
  acceptBackOrder: true,
  vendAuthNumber: "VA-123",
  shipTo: { addressId: "", ...address, ...v6Names, addressLine4: "GATE 7", companyName: "SHIP CO" },
  shipmentDetails: {
    carrierCode: "RG",
    freightAccountNumber: "FA-998877",
    shipComplete: "C",
    requestedDeliveryDate: "2099-03-01",
    signatureRequired: true,
    shippingInstructions: "Call before delivery",
  },
  endUserInfo: { endUserId: "EU001", ...address, ...v6Names, addressLine4: "SUITE 9" },
  resellerInfo: { resellerId: "R-1", ...address, companyName: "RESELLER CO", addressLine3: "UNIT 5" },
  lines: [
    {
      ingramPartNumber: "TSXML1",
      quantity: "2",
      unitPrice: "9.50",
      endUserPrice: "12.25",
      customerLineNumber: "7",
      specialBidNumber: "SB-LINE-1",
      notes: "Line note",
      additionalAttributes: [{ name: "lineAttr", value: "1" }],
      warrantyInfo: {
        directLineLink: "001",
        warrantyLineLink: "002",
        hardwareLineLink: "003",
        serialInfo: [
          {
            dateOfPurchase: "2099-01-02",
            shipDate: "2099-01-03",
            primarySerialNumber: "SN-1",
            secondarySerialNumber: "SN-2",
          },
        ],
      },
      endUserInfo: [{ ...lineEndUser, name1: "PAT", name2: "LEE", addressLine3: "X", addressLine4: "Y" }],
    },
    { ingramPartNumber: "TSXML3", quantity: 1 },
  ],
  additionalAttributes: [{ name: "allowPartialOrder", value: "true" }],
};

export const FULL_V6_WIRE = {
  customerOrderNumber: "set by the test",
  endCustomerOrderNumber: "EU-PO-1",
  billToAddressId: "000",
  specialBidNumber: "SB-HEADER",
  notes: "Header note",
  acceptBackOrder: true,
  resellerInfo: { resellerId: "R-1", ...address, companyName: "RESELLER CO", addressLine3: "UNIT 5" },
  vmf: { vendAuthNumber: "VA-123" },
  shipToInfo: { ...address, ...v6Names, addressLine4: "GATE 7", companyName: "SHIP CO" },
  endUserInfo: { endUserId: "EU001", ...address, ...v6Names, addressLine4: "SUITE 9" },
  lines: [
    {
      customerLineNumber: "7",
      ingramPartNumber: "TSXML1",
      quantity: 2,
      unitPrice: 9.5,
      endUserPrice: 12.25,
      specialBidNumber: "SB-LINE-1",
      notes: "Line note",
      additionalAttributes: [{ attributeName: "lineAttr", attributeValue: "1" }],
      warrantyInfo: [
        {
          directLineLink: "001",
          warrantyLineLink: "002",
          hardwareLineLink: "003",
          serialInfo: [
            {
              dateofPurchase: "2099-01-02",
              shipDate: "2099-01-03",
              primarySerialNumber: "SN-1",
              secondarySerialNumber: "SN-2",
            },
          ],
        },
      ],
      endUserInfo: [{ ...lineEndUser, name1: "PAT", name2: "LEE", addressLine3: "X", addressLine4: "Y" }],
    },
    { customerLineNumber: "1", ingramPartNumber: "TSXML3", quantity: 1 },
  ],
  shipmentDetails: {
    carrierCode: "RG",
    freightAccountNumber: "FA-998877",
    shipComplete: "C",
    requestedDeliveryDate: "2099-03-01",
    signatureRequired: true,
    shippingInstructions: "Call before delivery",
  },
  additionalAttributes: [
    { attributeName: "allowPartialOrder", attributeValue: "true" },
    { attributeName: "allowOrderOnCustomerHold", attributeValue: "true" },
  ],
};

const vendorGroup = {
  vendorName: "CISCO",
  productId: "CON-SNT-1",
  attributes: [{ name: "Contract Number", value: "C-1", description: "Existing contract", hint: "digits" }],
};
const vendorGroupWire = {
  vendorName: "CISCO",
  productId: "CON-SNT-1",
  additionalAttributes: [
    {
      attributeName: "Contract Number",
      attributeValue: "C-1",
      attributeDescription: "Existing contract",
      attributeHint: "digits",
    },
  ],
};

export const FULL_V7_INPUT = {
  customerOrderNumber: "set by the test",
  endCustomerOrderNumber: "EU-PO-7",
  notes: "v7 note",
  billToAddressId: "000",
  specialBidNumber: "SB-7",
  acceptBackOrder: false,
  vendAuthNumber: "VA-7",
  shipTo: { addressId: "200", ...address, shippingNotes: "Leave at reception" },
  shipmentDetails: {
    carrierCode: "UG",
    freightAccountNumber: "FA-7",
    shipComplete: "P",
    requestedDeliveryDate: "2099-03-02",
    signatureRequired: false,
    shippingInstructions: "Dock 2",
  },
  endUserInfo: { endUserId: "EU7", ...address },
  resellerInfo: { resellerId: "R-7", ...address, companyName: "RESELLER 7" },
  vendorAttributes: [vendorGroup],
  subscriptionAttributes: [vendorGroup],
  lines: [
    {
      ingramPartNumber: "9HG002",
      vendorPartNumber: "9HG002-SW",
      quantity: 5,
      unitPrice: 150,
      endUserPrice: 180,
      customerLineNumber: 3,
      specialBidNumber: "SB-7-L",
      notes: "Subscription line",
      resourceId: "SUB-778",
      planId: "PLAN-M365",
      subscriptionPeriod: [
        {
          type: "Months",
          duration: "12",
          startDate: "2099-04-01",
          endDateAlignmentType: "CO_TERM_ON_SUBSCRIPTION",
          subscriptionId: "SUB-778",
        },
      ],
      billingPeriod: [{ type: "Months", duration: 1 }],
      margin: "12.5",
      endCustomerPrice: "199.99",
      subscriptionAttributes: [vendorGroup],
      additionalAttributes: [{ name: "lineAttr", value: "7" }],
      endUserInfo: [lineEndUser],
      warrantyInfo: {
        directLineLink: "003",
        serialInfo: [{ dateOfPurchase: "2099-01-02", shipDate: "2099-01-03", primarySerialNumber: "SN-7" }],
      },
    },
  ],
  additionalAttributes: [{ name: "allowDuplicateCustomerOrderNumber", value: "true" }],
};

export const FULL_V7_WIRE = {
  customerOrderNumber: "set by the test",
  endCustomerOrderNumber: "EU-PO-7",
  notes: "v7 note",
  billToAddressId: "000",
  specialBidNumber: "SB-7",
  acceptBackOrder: false,
  vendAuthNumber: "VA-7",
  resellerInfo: { resellerId: "R-7", ...address, companyName: "RESELLER 7" },
  endUserInfo: { endUserId: "EU7", ...address },
  shipToInfo: { addressId: "200", ...address, shippingNotes: "Leave at reception" },
  shipmentDetails: {
    carrierCode: "UG",
    freightAccountNumber: "FA-7",
    shipComplete: "P",
    requestedDeliveryDate: "20990302",
    signatureRequired: false,
    shippingInstructions: "Dock 2",
  },
  additionalAttributes: [{ attributeName: "allowDuplicateCustomerOrderNumber", attributeValue: "true" }],
  vmfVendorAdditionalAttributes: [vendorGroupWire],
  vriAdditionalAttributes: [vendorGroupWire],
  lines: [
    {
      customerLineNumber: "3",
      ingramPartNumber: "9HG002",
      quantity: 5,
      unitPrice: 150,
      endUserPrice: 180,
      specialBidNumber: "SB-7-L",
      notes: "Subscription line",
      additionalAttributes: [{ attributeName: "lineAttr", attributeValue: "7" }],
      vendorPartNumber: "9HG002-SW",
      resourceId: "SUB-778",
      planid: "PLAN-M365",
      subscriptionPeriod: [
        {
          type: "Months",
          duration: 12,
          startDate: "2099-04-01",
          endDateAlignmentType: "CO_TERM_ON_SUBSCRIPTION",
          subscriptionId: "SUB-778",
        },
      ],
      billingPeriod: [{ type: "Months", duration: 1 }],
      margin: 12.5,
      endCustomerPrice: 199.99,
      vriAdditionalAttributes: [vendorGroupWire],
      endUserInfo: [lineEndUser],
      warrantyInfo: {
        directLineLink: "003",
        serialInfo: [{ dateOfPurchase: "20990102", shipDate: "20990103", primarySerialNumber: "SN-7" }],
      },
    },
  ],
};

export const MODIFY_INPUT = {
  notes: "Deliver to the loading dock at the back of building C, not reception",
  shipTo: { ...v6Names, companyName: "SHIP CO", addressLine1: "2 SIDE ST", city: "IRVINE", countryCode: "US" },
  additionalAttributes: [{ name: "entryMethod", value: "API" }],
  lines: [
    { action: "update", ingramLineNumber: "001", quantity: 3, notes: "More please" },
    { action: "add", customerLineNumber: "003", ingramPartNumber: "TSXML3", quantity: 1 },
  ],
};

export const MODIFY_WIRE = {
  notes: MODIFY_INPUT.notes,
  shipToInfo: { ...v6Names, companyName: "SHIP CO", addressLine1: "2 SIDE ST", city: "IRVINE", countryCode: "US" },
  lines: [
    { addUpdateDeleteLine: "UPDATE", ingramLineNumber: "001", quantity: 3, notes: "More please" },
    { addUpdateDeleteLine: "ADD", customerLineNumber: "003", ingramPartNumber: "TSXML3", quantity: 1 },
  ],
  additionalAttributes: [
    { attributeName: "entryMethod", attributeValue: "API" },
    { attributeName: "enableCommentsAsLines", attributeValue: "true" },
  ],
};
