"use client";

import { lazy, type ComponentProps } from "react";
import type { FieldErrors } from "../_form/form-errors";
import { MoreSection } from "../_form/more-section";
import { errorsUnder, filledCount, type TextValues } from "../_form/draft-values";
import type { AttributeDraft } from "../_form/attributes-editor";

// The collapsed sections of the create form: title and summary here, bodies loaded when first opened (they
// are rarely used, and first-load JavaScript is capped at 150 KB; MoreSection shows "Loading…" meanwhile).
// React's lazy rather than next/dynamic, whose own runtime would add 1.6 KB to the page.
const ShippingBody = lazy(() => import("./section-bodies").then((m) => ({ default: m.ShippingBody })));
const PartyBody = lazy(() => import("./section-bodies").then((m) => ({ default: m.PartyBody })));
const VendorBody = lazy(() => import("./section-bodies").then((m) => ({ default: m.VendorBody })));
const AttributesEditor = lazy(() =>
  import("../_form/attributes-editor").then((m) => ({ default: m.AttributesEditor })),
);

const summaryOf = (n: number) => (n ? `${n} ${n === 1 ? "field" : "fields"} filled` : undefined);

export function ShippingSection(p: ComponentProps<typeof ShippingBody>) {
  const n = filledCount(p.shipTo as TextValues) + filledCount(p.shipment) + (p.signatureRequired ? 1 : 0);
  return (
    <MoreSection
      title="Shipping: address, carrier, delivery date"
      summary={summaryOf(n) ?? "the account's default address and carrier"}
      hasError={errorsUnder(p.errors, "shipTo.") || errorsUnder(p.errors, "shipmentDetails.")}
      testId="section-shipping"
    >
      <ShippingBody {...p} />
    </MoreSection>
  );
}

export function PartySection(p: ComponentProps<typeof PartyBody> & { title: string }) {
  const { title, ...body } = p;
  return (
    <MoreSection
      title={title}
      summary={summaryOf(filledCount(p.values))}
      hasError={errorsUnder(p.errors, `${p.group}.`)}
      testId={`section-${p.group}`}
    >
      <PartyBody {...body} />
    </MoreSection>
  );
}

const VENDOR_KEYS = ["specialBidNumber", "vendAuthNumber", "billToAddressId", "acceptBackOrder"];

export function VendorSection(p: ComponentProps<typeof VendorBody>) {
  return (
    <MoreSection
      title="Pricing, vendor and billing"
      summary={summaryOf(filledCount(p.values) + (p.acceptBackOrder ? 1 : 0))}
      hasError={VENDOR_KEYS.some((k) => p.errors[k])}
      testId="section-vendor"
    >
      <VendorBody {...p} />
    </MoreSection>
  );
}

export function AttributesSection(p: ComponentProps<typeof AttributesEditor> & { rows: AttributeDraft[] }) {
  return (
    <MoreSection
      title="Additional attributes"
      summary={p.rows.length ? `${p.rows.length} set` : "partial orders, duplicate POs, warehouse"}
      hasError={Object.keys(p.errors as FieldErrors).some((k) => k.startsWith("additionalAttributes"))}
      testId="section-attributes"
    >
      <AttributesEditor {...p} />
    </MoreSection>
  );
}
