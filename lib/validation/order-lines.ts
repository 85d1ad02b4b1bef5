// Create-order lines and their extras (warranty, end users, subscriptions, vendor attributes), with the spec's
// limits. Which keys only v6 or only v7 takes is listed at the end, for the create schema's version check.
import { z } from "zod";
import { amount, attributeList, dateField, optionalGroup, text, wholeNumber } from "./input-fields";
import { lineEndUserSchema } from "./order-parties";

export const quantity = (label: string) => wholeNumber(label, 1, 9999);

export const partNumber = z
  .string({ error: "Ingram part number must be text." })
  .trim()
  .max(18, "Ingram part number must be at most 18 characters.")
  .regex(/^([A-Za-z0-9/._-]+)?$/, "Ingram part number may contain only letters, digits and - _ . /")
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** Ingram keeps a customer line number only when it is numeric 1–884 and unique; otherwise it re-numbers. */
export const customerLineNumber = z.preprocess(
  (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : v === "" ? undefined : v),
  z
    .string({ error: "Customer line number must be a number from 1 to 884." })
    .trim()
    .regex(/^\d{1,3}$/, "Customer line number must be a number from 1 to 884.")
    .refine((s) => Number(s) >= 1 && Number(s) <= 884, "Customer line number must be a number from 1 to 884.")
    .optional(),
);

const serialInfo = z.object(
  {
    dateOfPurchase: dateField("Date of purchase"),
    shipDate: dateField("Ship date"),
    primarySerialNumber: text("Primary serial number", 50),
    secondarySerialNumber: text("Secondary serial number", 50),
  },
  { error: "Each serial entry must be an object." },
);

export const warrantyInfoSchema = optionalGroup("Warranty information", {
  directLineLink: text("Direct line link", 25),
  warrantyLineLink: text("Warranty line link", 25),
  hardwareLineLink: text("Hardware line link", 25),
  serialInfo: z
    .array(serialInfo, { error: "Serial information must be a list." })
    .max(20, "At most 20 serial entries.")
    .optional(),
});

const PERIOD_TYPES = ["Years", "Months"] as const;
const periodType = (label: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(PERIOD_TYPES, { error: `${label} type must be Years or Months.` }).optional(),
  );
const periodDuration = (label: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), wholeNumber(`${label} duration`, 1, 120).optional());

export const subscriptionPeriodSchema = z.object(
  {
    type: periodType("Subscription period"),
    duration: periodDuration("Subscription period"),
    startDate: dateField("Subscription start date"),
    endDateAlignmentType: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .enum(["MATCH_END_OF_CALENDAR_MONTH", "CO_TERM_ON_SUBSCRIPTION"], {
          error: "End date alignment must be MATCH_END_OF_CALENDAR_MONTH or CO_TERM_ON_SUBSCRIPTION.",
        })
        .optional(),
    ),
    subscriptionId: text("Subscription id", 50),
  },
  { error: "Each subscription period must be an object." },
);
export const billingPeriodSchema = z.object(
  { type: periodType("Billing period"), duration: periodDuration("Billing period") },
  { error: "Each billing period must be an object." },
);

/** Vendor-mandatory fields (hardware: vmfVendorAdditionalAttributes; subscriptions: vriAdditionalAttributes). */
export const vendorAttributeGroupSchema = z.object(
  {
    vendorName: text("Vendor name", 50),
    productId: text("Vendor product id", 50),
    attributes: z
      .array(
        z.object(
          {
            name: z
              .string({ error: "Vendor attribute name is required." })
              .trim()
              .min(1, "Vendor attribute name is required.")
              .max(100, "Vendor attribute name must be at most 100 characters."),
            value: z
              .string({ error: "Vendor attribute value must be text." })
              .max(255, "Vendor attribute value must be at most 255 characters."),
            description: text("Vendor attribute description", 255),
            hint: text("Vendor attribute hint", 255),
          },
          { error: "Each vendor attribute must be an object." },
        ),
        { error: "Vendor attributes must be a list." },
      )
      .max(30, "At most 30 vendor attributes per product.")
      .default([]),
  },
  { error: "Each vendor attribute group must be an object." },
);
export const vendorAttributeGroups = (label: string) =>
  z
    .array(vendorAttributeGroupSchema, { error: `${label} must be a list.` })
    .max(10, `At most 10 ${label}.`)
    .optional();

const createLineShape = z.object(
  {
    ingramPartNumber: partNumber,
    /** v6, as in Ingram's "Order with CPN – SAP" example: the customer's own part number instead of Ingram's. */
    customerPartNumber: text("Customer part number", 35),
    vendorPartNumber: text("Vendor part number", 35),
    customerLineNumber,
    quantity: quantity("Quantity"),
    unitPrice: amount("Unit price"),
    endUserPrice: amount("End user price"),
    specialBidNumber: text("Line special bid number", 36),
    notes: text("Line notes", 132),
    additionalAttributes: attributeList("Line attribute", 20),
    warrantyInfo: warrantyInfoSchema,
    endUserInfo: z
      .array(lineEndUserSchema, { error: "Line end users must be a list." })
      .max(5, "At most 5 end users per line.")
      .optional(),
    resourceId: text("Resource id", 50),
    planId: text("Plan id", 50),
    subscriptionPeriod: z
      .array(subscriptionPeriodSchema, { error: "Subscription periods must be a list." })
      .max(5, "At most 5 subscription periods.")
      .optional(),
    billingPeriod: z
      .array(billingPeriodSchema, { error: "Billing periods must be a list." })
      .max(5, "At most 5 billing periods.")
      .optional(),
    margin: amount("Margin"),
    endCustomerPrice: amount("End customer price"),
    subscriptionAttributes: vendorAttributeGroups("Line subscription attributes"),
  },
  { error: "Each line must be an object." },
);
/** A line names its part by Ingram's, the vendor's (v7) or the customer's (v6) number; checked even when other fields fail, so the form shows every error at once. */
export const createLineSchema = createLineShape.refine(
  (l) => !!(l.ingramPartNumber || l.customerPartNumber || l.vendorPartNumber),
  {
    path: ["ingramPartNumber"],
    message: "Ingram part number is required.",
    when: (p) => {
      const v = p.value as Record<string, unknown> | null;
      return typeof v === "object" && v !== null && !Array.isArray(v);
    },
  },
);
export type CreateLineInput = z.output<typeof createLineSchema>;

export const LINE_V6_ONLY = ["customerPartNumber"] as const;
export const LINE_V7_ONLY = [
  "vendorPartNumber",
  "resourceId",
  "planId",
  "subscriptionPeriod",
  "billingPeriod",
  "margin",
  "endCustomerPrice",
  "subscriptionAttributes",
] as const;
