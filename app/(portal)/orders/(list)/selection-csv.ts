// The bulk toolbar's "Export selection": the selected rows as the list shows them, built in the browser (the
// rows are already on the page; no Ingram or index call). Quoting and formula neutralising are lib/csv's.
import { csvLine } from "@/lib/csv";

export interface SelectionRow {
  orderNumber: string;
  orderDate: string | null;
  customerOrderNumber: string | null;
  endCustomer: string | null;
  vendor: string | null;
  total: number | null;
  status: string;
}

const HEADER = ["Order number", "Order date", "Customer PO", "End customer", "Vendor", "Total", "Status"];

export function selectionCsv(rows: readonly SelectionRow[]): string {
  return (
    csvLine(HEADER) +
    rows
      .map((r) =>
        csvLine([r.orderNumber, r.orderDate, r.customerOrderNumber, r.endCustomer, r.vendor, r.total, r.status]),
      )
      .join("")
  );
}

export function downloadSelectionCsv(rows: readonly SelectionRow[]): void {
  const url = URL.createObjectURL(new Blob([selectionCsv(rows)], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `orders-selection-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
