type Tone = "green" | "blue" | "amber" | "red" | "grey" | "violet";

/** A status as the portal's DTOs carry it ({ state, label }) or a plain word (audit outcomes, user states). */
export type BadgeStatus = { state: string; label: string; raw?: string | null } | string | null | undefined;

const TONE_BY_KEY: Record<string, Tone> = {
  shipped: "green",
  delivered: "green",
  invoiced: "green",
  closed: "green",
  succeeded: "green",
  created: "green",
  active: "green",
  enabled: "green",
  accepted: "green",
  open: "blue",
  processing: "blue",
  in_progress: "blue",
  pending: "blue",
  partially_shipped: "blue",
  intent: "violet",
  on_hold: "amber",
  hold: "amber",
  backordered: "amber",
  partially_succeeded: "amber",
  unknown: "grey",
  cancelled: "red",
  canceled: "red",
  voided: "red",
  failed: "red",
  rejected: "red",
  disabled: "red",
};

// Ingram spells statuses several ways (SHIPPED, Shipped, im::shipped, ON HOLD); match on one normalized key.
export function statusKey(value: string): string {
  return value
    .trim()
    .replace(/^im::/i, "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function humanise(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `title` overrides the default tooltip (Ingram's raw spelling when it differs from the label). */
export function StatusBadge({ status, title }: { status: BadgeStatus; title?: string }) {
  if (!status) return <span className="badge badge-grey">Unknown</span>;
  const key = statusKey(typeof status === "string" ? status : status.state);
  const text = typeof status === "string" ? humanise(key) : status.label;
  const raw = typeof status === "string" ? undefined : (status.raw ?? undefined);
  return (
    <span
      className={`badge badge-${TONE_BY_KEY[key] ?? "grey"}`}
      title={title ?? (raw && raw !== text ? `Ingram: ${raw}` : undefined)}
    >
      {text}
    </span>
  );
}
