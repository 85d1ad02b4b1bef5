import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import type { BulkAction } from "./bulk-results";

export interface BulkConfirmProps {
  /** The action asked about; null while the dialog is closed. */
  action: BulkAction | null;
  /** The selected order numbers. */
  orders: string[];
  onConfirm: (action: BulkAction) => void;
  onClose: () => void;
}

/** The one confirmation before a bulk release or cancel (loaded on the first ask): what happens, to which orders. */
export function BulkConfirm({ action, orders, onConfirm, onClose }: BulkConfirmProps) {
  const count = orders.length;
  const noun = count === 1 ? "order" : "orders";
  return (
    <ConfirmDialog
      open={action !== null}
      title={`${action === "cancel" ? "Cancel" : "Release"} ${count} ${noun}?`}
      confirmLabel={action === "cancel" ? `Cancel ${noun}` : `Release ${noun}`}
      cancelLabel={action === "cancel" ? "Keep them" : "Not now"}
      danger={action === "cancel"}
      onConfirm={() => action && onConfirm(action)}
      onClose={onClose}
    >
      <p>
        {action === "cancel"
          ? "Ingram Micro deletes each held order. This cannot be undone."
          : "Each order leaves customer hold and goes to the warehouse; it can no longer be edited or cancelled here."}
      </p>
      <p className="mono">{orders.join(", ")}</p>
      <p className="subtle">
        Each order is its own change, sent in turn and recorded in the audit log; any refused is shown on its row.
      </p>
    </ConfirmDialog>
  );
}
