import Link from "next/link";
import { GetForm } from "@/app/_components/get-form";
import { hrefWith, type RawSearchParams } from "@/app/_components/url";
import {
  DATE_PRESET_LABELS,
  DATE_PRESETS,
  DENSITIES,
  ORDER_COLUMNS,
  REQUIRED_COLUMN,
  type DatePreset,
  type Density,
  type OrderColumnId,
} from "@/lib/validation/list-view";

const ORDER_DATE_KEYS = ["datePreset", "ingramOrderDate-bt", "ingramOrderDate", "pageNumber"];

function without(raw: RawSearchParams, keys: string[]): RawSearchParams {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !keys.includes(k)));
}

/** One click per preset; each link replaces every other order-date filter and goes back to page 1. */
export function DatePresetLinks({ raw, active }: { raw: RawSearchParams; active: DatePreset | undefined }) {
  const base = without(raw, ORDER_DATE_KEYS);
  const anyTime = !active && !raw["ingramOrderDate-bt"] && !raw.ingramOrderDate;
  return (
    <nav className="date-presets" aria-label="Order date">
      <span className="subtle">Order date:</span>
      <Link href={hrefWith("/orders", base)} aria-current={anyTime ? "true" : undefined}>
        Any time
      </Link>
      {DATE_PRESETS.map((p) => (
        <Link
          key={p}
          href={hrefWith("/orders", base, { datePreset: p })}
          aria-current={active === p ? "true" : undefined}
        >
          {DATE_PRESET_LABELS[p]}
        </Link>
      ))}
      <a href="#f-ingramOrderDate-bt-from" aria-current={!active && !anyTime ? "true" : undefined}>
        Custom…
      </a>
    </nav>
  );
}

/**
 * Column chooser and density: a GET form, so the choice is in the URL the server renders from (no client
 * table code). Every other parameter rides along as hidden fields.
 */
export function ColumnChooser({
  raw,
  columns,
  density,
}: {
  raw: RawSearchParams;
  columns: OrderColumnId[];
  density: Density;
}) {
  const keep = Object.entries(without(raw, ["cols", "density"])).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((value, i) => (
      <input key={`${k}-${i}`} type="hidden" name={k} value={value} />
    )),
  );
  return (
    // Keyed by the choice: applying it renders a new, closed panel (client navigation keeps an open one open).
    <details className="column-chooser" key={`${columns.join(",")}:${density}`}>
      <summary className="btn">Columns and density</summary>
      <GetForm action="/orders" className="column-chooser-panel card" aria-label="Columns and density">
        {keep}
        <input type="hidden" name="cols" value={REQUIRED_COLUMN} />
        <fieldset>
          <legend className="label">Columns</legend>
          {ORDER_COLUMNS.filter((c) => c.id !== REQUIRED_COLUMN).map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" name="cols" value={c.id} defaultChecked={columns.includes(c.id)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="label">Density</legend>
          {DENSITIES.map((d) => (
            <label key={d} className="check">
              <input type="radio" name="density" value={d} defaultChecked={density === d} />
              {d === "comfortable" ? "Comfortable" : "Compact"}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            Apply
          </button>
          <Link href={hrefWith("/orders", without(raw, ["cols", "density"]))} className="btn btn-ghost">
            Default columns
          </Link>
        </div>
      </GetForm>
    </details>
  );
}
