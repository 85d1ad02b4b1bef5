import Link from "next/link";
import { Field } from "@/app/_components/field";
import { GetForm } from "@/app/_components/get-form";
import { ORDER_STATUS_FILTERS } from "@/lib/validation/search-filters";
import { DateRangeField } from "./date-range-field";

type Raw = Record<string, string | string[] | undefined>;

const one = (raw: Raw, k: string) => (Array.isArray(raw[k]) ? raw[k][0] : raw[k]) ?? "";
const many = (raw: Raw, k: string) => {
  const v = raw[k];
  return (Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : []).filter(Boolean);
};

export const STATUS_FILTER_LABELS: Record<(typeof ORDER_STATUS_FILTERS)[number], string> = {
  SHIPPED: "Shipped",
  PROCESSING: "Processing",
  "ON HOLD": "On hold",
  BACKORDERED: "Backordered",
  CANCELLED: "Cancelled",
};

const TEXT_FILTERS = [
  ["q", "Search (order, PO, end customer, serial, tracking, part)"],
  ["endCustomerName", "End customer"],
  ["ingramOrderNumber", "Ingram order number"],
  ["customerOrderNumber", "Customer PO"],
  ["endCustomerOrderNumber", "End customer PO"],
  ["vendorName", "Vendor name"],
] as const;

const MORE_TEXT_FILTERS = [
  ["ingramPartNumber", "Ingram part number"],
  ["vendorPartNumber", "Vendor part number"],
  ["serialNumber", "Serial number"],
  ["trackingNumber", "Tracking number"],
  ["specialBidNumber", "Special bid number"],
] as const;

/** The portal-only filters take longer text than Ingram's 35-character fields. */
const MAX_LENGTH: Record<string, number> = { q: 100, endCustomerName: 60 };

const MORE_RANGES = [
  ["invoiceDate_bt", "Invoice date"],
  ["shipDate_bt", "Ship date"],
  ["deliveryDate_bt", "Delivery date"],
] as const;

/** A GET form: the URL holds every filter (Ingram's wire names plus q/endCustomerName), so a search is a link. */
export function OrdersFilterForm({
  raw,
  errors,
  choices = {},
}: {
  raw: Raw;
  errors: Record<string, string>;
  /** Values a text filter offers as you type (a datalist): every vendor and end customer the index knows. */
  choices?: Partial<Record<string, string[]>>;
}) {
  const statuses = new Set([...many(raw, "orderStatus-in"), ...many(raw, "orderStatus")]);
  const moreKeys = [...MORE_TEXT_FILTERS.map(([k]) => k), ...MORE_RANGES.map(([k]) => k), "ingramOrderDate"];
  const moreOpen = moreKeys.some((k) => many(raw, k).length > 0 || errors[k]);
  const text = ([name, label]: readonly [string, string]) => (
    <Field key={name} id={`f-${name}`} label={label} error={errors[name]}>
      {(a) => (
        <input
          {...a}
          type="search"
          name={name}
          defaultValue={one(raw, name)}
          maxLength={MAX_LENGTH[name] ?? 35}
          autoComplete="off"
          list={choices[name]?.length ? `dl-${name}` : undefined}
        />
      )}
    </Field>
  );
  const datalists = Object.entries(choices).map(([name, values]) =>
    values?.length ? (
      <datalist key={name} id={`dl-${name}`}>
        {values.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    ) : null,
  );
  return (
    <GetForm action="/orders" className="card filters" role="search" aria-label="Filter orders">
      <div className="form-grid">
        {TEXT_FILTERS.map(text)}
        <DateRangeField
          name="ingramOrderDate-bt"
          label="Order date"
          value={many(raw, "ingramOrderDate-bt")}
          error={errors["ingramOrderDate-bt"]}
        />
      </div>
      <fieldset
        className="field"
        style={{ marginTop: 10 }}
        aria-describedby={errors["orderStatus-in"] ? "f-status-error" : undefined}
      >
        <legend className="label" style={{ marginBottom: 4, fontWeight: 500, fontSize: "0.93rem" }}>
          Status
        </legend>
        <div className="status-choices">
          {ORDER_STATUS_FILTERS.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" name="orderStatus-in" value={s} defaultChecked={statuses.has(s)} />
              {STATUS_FILTER_LABELS[s]}
            </label>
          ))}
        </div>
        {errors["orderStatus-in"] || errors.orderStatus ? (
          <span id="f-status-error" className="error">
            {errors["orderStatus-in"] ?? errors.orderStatus}
          </span>
        ) : null}
      </fieldset>
      <details open={moreOpen}>
        <summary>More filters</summary>
        <div className="form-grid">
          <Field id="f-ingramOrderDate" label="Exact order date" error={errors.ingramOrderDate}>
            {(a) => <input {...a} type="date" name="ingramOrderDate" defaultValue={one(raw, "ingramOrderDate")} />}
          </Field>
          {MORE_RANGES.map(([name, label]) => (
            <DateRangeField key={name} name={name} label={label} value={many(raw, name)} error={errors[name]} />
          ))}
          {MORE_TEXT_FILTERS.map(text)}
        </div>
      </details>
      {one(raw, "pageSize") ? <input type="hidden" name="pageSize" value={one(raw, "pageSize")} /> : null}
      {one(raw, "sort") ? <input type="hidden" name="sort" value={one(raw, "sort")} /> : null}
      {one(raw, "dir") ? <input type="hidden" name="dir" value={one(raw, "dir")} /> : null}
      {many(raw, "cols").map((c) => (
        <input key={c} type="hidden" name="cols" value={c} />
      ))}
      {one(raw, "density") ? <input type="hidden" name="density" value={one(raw, "density")} /> : null}
      {datalists}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          Search
        </button>
        <Link href="/orders" className="btn btn-ghost">
          Clear filters
        </Link>
      </div>
    </GetForm>
  );
}
