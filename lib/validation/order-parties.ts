// The addresses and shipping instructions of an order (create and modify), with the spec's maximum lengths.
// Keys are Ingram's wire names; which keys only one API version takes is listed here too, so the create
// schema can name the field a version cannot send instead of dropping it. Pure zod.
import { z } from "zod";
import { dateField, emailField, flag, optionalGroup, text } from "./input-fields";

const phone = (who: string) => text(`${who} phone number`, 30);

/** Create ship-to (v6 limits; v7 has the same ones where it has the field). */
export const createShipToSchema = optionalGroup("Ship-to address", {
  addressId: text("Ship-to address id", 10),
  contact: text("Ship-to contact", 70),
  companyName: text("Ship-to company name", 40),
  name1: text("Ship-to name 1", 40),
  name2: text("Ship-to name 2", 40),
  addressLine1: text("Ship-to address line 1", 70),
  addressLine2: text("Ship-to address line 2", 70),
  addressLine3: text("Ship-to address line 3", 70),
  addressLine4: text("Ship-to address line 4", 70),
  city: text("Ship-to city", 25),
  state: text("Ship-to state", 3),
  postalCode: text("Ship-to postal code", 10),
  countryCode: text("Ship-to country code", 10),
  phoneNumber: phone("Ship-to"),
  email: emailField("Ship-to email"),
  shippingNotes: text("Ship-to shipping notes", 132),
});

/** PUT's ship-to has tighter limits than create's. */
export const modifyShipToSchema = optionalGroup("Ship-to address", {
  addressId: text("Ship-to address id", 10),
  contact: text("Ship-to contact", 40),
  companyName: text("Ship-to company name", 40),
  name1: text("Ship-to name 1", 40),
  name2: text("Ship-to name 2", 40),
  addressLine1: text("Ship-to address line 1", 60),
  addressLine2: text("Ship-to address line 2", 40),
  addressLine3: text("Ship-to address line 3", 40),
  city: text("Ship-to city", 25),
  state: text("Ship-to state", 3),
  postalCode: text("Ship-to postal code", 10),
  countryCode: text("Ship-to country code", 3),
  phoneNumber: phone("Ship-to"),
  email: emailField("Ship-to email"),
});

/** Header end user: used by Ingram for pricing and required in some countries. */
export const endUserSchema = optionalGroup("End user", {
  endUserId: text("End user id", 10),
  contact: text("End user contact", 70),
  companyName: text("End user company name", 40),
  name1: text("End user name 1", 40),
  name2: text("End user name 2", 40),
  addressLine1: text("End user address line 1", 70),
  addressLine2: text("End user address line 2", 70),
  addressLine3: text("End user address line 3", 70),
  addressLine4: text("End user address line 4", 70),
  city: text("End user city", 25),
  state: text("End user state", 3),
  postalCode: text("End user postal code", 10),
  countryCode: text("End user country code", 10),
  phoneNumber: phone("End user"),
  email: emailField("End user email"),
});

export const resellerSchema = optionalGroup("Reseller", {
  resellerId: text("Reseller id", 20),
  companyName: text("Reseller company name", 40),
  contact: text("Reseller contact", 70),
  addressLine1: text("Reseller address line 1", 70),
  addressLine2: text("Reseller address line 2", 70),
  addressLine3: text("Reseller address line 3", 70),
  city: text("Reseller city", 25),
  state: text("Reseller state", 3),
  postalCode: text("Reseller postal code", 10),
  countryCode: text("Reseller country code", 10),
  phoneNumber: phone("Reseller"),
  email: emailField("Reseller email"),
});

/** `shipComplete`: C complete per distribution, P per line, E across all distributions (one character). */
export const SHIP_COMPLETE = ["C", "P", "E"] as const;

export const shipmentDetailsSchema = optionalGroup("Shipment details", {
  carrierCode: text("Carrier code", 10),
  freightAccountNumber: text("Freight account number", 30),
  shipComplete: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(SHIP_COMPLETE, { error: "Ship complete must be C, P or E." }).optional(),
  ),
  requestedDeliveryDate: dateField("Requested delivery date").refine(
    (d) => d === undefined || d >= new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    "Requested delivery date must not be in the past.",
  ),
  signatureRequired: flag("Signature required"),
  shippingInstructions: text("Shipping instructions", 132),
});

/** Line-level end user (a list on the wire); endUserType says whether it is the company or a contact. */
export const lineEndUserSchema = z.object(
  {
    endUserType: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(["endUser", "endUserContact"], { error: "End user type must be endUser or endUserContact." }).optional(),
    ),
    endUserId: text("Line end user id", 10),
    contact: text("Line end user contact", 70),
    companyName: text("Line end user company name", 40),
    name1: text("Line end user name 1", 35),
    name2: text("Line end user name 2", 35),
    addressLine1: text("Line end user address line 1", 70),
    addressLine2: text("Line end user address line 2", 70),
    addressLine3: text("Line end user address line 3", 70),
    addressLine4: text("Line end user address line 4", 70),
    city: text("Line end user city", 25),
    state: text("Line end user state", 3),
    postalCode: text("Line end user postal code", 10),
    countryCode: text("Line end user country code", 3),
    phoneNumber: phone("Line end user"),
    email: emailField("Line end user email"),
  },
  { error: "Each line end user must be an object." },
);

/** Keys each API version lacks, per group (the create schema refuses them for that version, naming the field). */
export const V6_ONLY = {
  shipTo: ["name1", "name2", "addressLine3", "addressLine4"],
  endUserInfo: ["name1", "name2", "addressLine3", "addressLine4"],
  resellerInfo: ["addressLine3"],
  lineEndUser: ["name1", "name2", "addressLine3", "addressLine4"],
} as const;
export const V7_ONLY = { shipTo: ["shippingNotes"] } as const;
