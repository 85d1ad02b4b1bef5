import { rObj, rStr } from "./primitives";

/** Superset of the address shapes Ingram returns (bill-to, ship-to, end user, reseller). */
export const rAddress = rObj({
  addressId: rStr,
  endUserId: rStr,
  resellerId: rStr,
  contact: rStr,
  companyName: rStr,
  name1: rStr,
  name2: rStr,
  addressLine1: rStr,
  addressLine2: rStr,
  addressLine3: rStr,
  addressLine4: rStr,
  city: rStr,
  state: rStr,
  postalCode: rStr,
  countryCode: rStr,
  phoneNumber: rStr,
  email: rStr,
  shippingNotes: rStr,
});
