// How the orders list looks, held in its URL next to the search filters: which columns (`cols`), how dense
// (`density`) and which order-date preset (`datePreset`). The table, the column chooser and the CSV export read
// the same column set, so a download has the columns and the order on screen. Pure zod: imports nothing
// server-side.
import { z } from "zod";
import { zodFields } from "./fields";
import { blankToUndefined } from "./input-fields";
import { type OrderSearchQuery, orderSearchQuerySchema } from "./search-filters";

/** Every column the orders list can show, in display order; ids of sortable ones equal SORT_KEYS. */
export const ORDER_COLUMNS = [
  { id: "orderNumber", label: "Order", csv: "Order number" },
  { id: "orderDate", label: "Date", csv: "Order date" },
  { id: "customerOrderNumber", label: "Customer PO", csv: "Customer PO" },
  { id: "endCustomerOrderNumber", label: "End customer PO", csv: "End customer PO" },
  { id: "endCustomerName", label: "End customer", csv: "End customer" },
  { id: "vendorName", label: "Vendors", csv: "Vendors" },
  { id: "vendorSalesOrderNumber", label: "Vendor sales order", csv: "Vendor sales order" },
  { id: "shipDate", label: "Ship date", csv: "Ship date" },
  { id: "lineCount", label: "Lines", csv: "Lines" },
  { id: "total", label: "Total", csv: "Total" },
  { id: "status", label: "Status", csv: "Status" },
  { id: "subOrders", label: "Sub-orders", csv: "Sub-orders" },
] as const;
export type OrderColumnId = (typeof ORDER_COLUMNS)[number]["id"];
export const ORDER_COLUMN_IDS = ORDER_COLUMNS.map((c) => c.id) as OrderColumnId[];

/** Always shown (it is the link to the order), so the chooser does not offer it. */
export const REQUIRED_COLUMN: OrderColumnId = "orderNumber";
export const DEFAULT_COLUMNS: readonly OrderColumnId[] = [
  "orderNumber",
  "orderDate",
  "customerOrderNumber",
  "endCustomerName",
  "vendorName",
  "total",
  "status",
  "subOrders",
];

export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];

export const DATE_PRESETS = ["today", "7d", "last-month"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];
export const DATE_PRESET_LABELS: Record<DatePreset, string> = {
  today: "Today",
  "7d": "Last 7 days",
  "last-month": "Last month",
};

const toList = (v: unknown) => {
  const b = blankToUndefined(v);
  if (typeof b === "string") return b.split(",").map((x) => x.trim());
  return Array.isArray(b) ? b.flatMap((x) => String(x).split(",")).map((x) => x.trim()) : b;
};

/**
 * The chosen columns in display order (whatever order the URL lists them in), always with the order number;
 * absent means the default set. An unknown id is an error naming it, not silently dropped.
 */
export const columnsSchema = z.preprocess(
  toList,
  z
    .array(z.string(), { error: "Columns must be a list of column names." })
    .max(ORDER_COLUMNS.length * 2, "Too many columns.")
    .superRefine((ids, ctx) => {
      const unknown = ids.filter((id) => id !== "" && !(ORDER_COLUMN_IDS as string[]).includes(id));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown column: ${unknown.join(", ")}.` });
    })
    .transform((ids) => ORDER_COLUMN_IDS.filter((id) => id === REQUIRED_COLUMN || ids.includes(id)))
    .optional(),
);

export const listViewSchema = z.object({
  cols: columnsSchema,
  density: z.preprocess(
    blankToUndefined,
    z.enum(DENSITIES, { error: "Density must be comfortable or compact." }).optional(),
  ),
  datePreset: z.preprocess(
    blankToUndefined,
    z.enum(DATE_PRESETS, { error: "Date preset must be today, 7d or last-month." }).optional(),
  ),
});
export type ListView = z.output<typeof listViewSchema>;

/** The columns to show: the URL's choice, or the default set. */
export function visibleColumns(view: Pick<ListView, "cols">): OrderColumnId[] {
  return view.cols ?? [...DEFAULT_COLUMNS];
}

/** `cols` as the URL writes it: absent for the default set, so a plain link stays plain. */
export function colsParam(ids: readonly OrderColumnId[]): string | undefined {
  const ordered = ORDER_COLUMN_IDS.filter((id) => id === REQUIRED_COLUMN || ids.includes(id));
  const isDefault = ordered.length === DEFAULT_COLUMNS.length && ordered.every((id, i) => DEFAULT_COLUMNS[i] === id);
  return isDefault ? undefined : ordered.join(",");
}

/** The orders page and its CSV export: the search filters and the list's view, as one URL. */
export const orderListQuerySchema = orderSearchQuerySchema.extend(listViewSchema.shape);
export type OrderListQuery = z.output<typeof orderListQuerySchema>;

export interface ListUrl {
  /** The search to run; null while a filter (or the date preset) is not valid. */
  filters: OrderSearchQuery | null;
  datePreset: DatePreset | undefined;
  /** Field → message for the filter form. */
  errors: Record<string, string>;
  columns: OrderColumnId[];
  density: Density;
  /** Why the URL's columns or density were not used (the defaults are shown instead); null when they were. */
  viewProblem: string | null;
}

/**
 * The orders page's reading of its URL. A filter that is not valid stops the search (its field says why); a look
 * that is not valid (an old link naming a column that no longer exists) only falls back to the default look.
 */
export function readListUrl(raw: Record<string, unknown>): ListUrl {
  const search = orderSearchQuerySchema.safeParse(raw);
  const preset = listViewSchema.pick({ datePreset: true }).safeParse(raw);
  const look = listViewSchema.pick({ cols: true, density: true }).safeParse(raw);
  return {
    filters: search.success && preset.success ? search.data : null,
    datePreset: preset.success ? preset.data.datePreset : undefined,
    errors: {
      ...(search.success ? {} : zodFields(search.error)),
      ...(preset.success ? {} : zodFields(preset.error)),
    },
    columns: look.success ? visibleColumns(look.data) : [...DEFAULT_COLUMNS],
    density: (look.success ? look.data.density : undefined) ?? "comfortable",
    viewProblem: look.success ? null : look.error.issues.map((i) => i.message).join(" "),
  };
}
