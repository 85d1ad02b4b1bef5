export function Spinner({ label }: { label?: string }) {
  return (
    <span className="row" style={{ gap: 6, display: "inline-flex" }}>
      <span className="spinner" aria-hidden="true" />
      {label ? <span>{label}</span> : <span className="sr-only">Loading</span>}
    </span>
  );
}

/** A labelled progress bar; omit `max` for an indeterminate one. */
export function Progress({ label, value, max }: { label: string; value?: number; max?: number }) {
  const determinate = typeof value === "number" && typeof max === "number" && max > 0;
  return (
    <progress aria-label={label} value={determinate ? value : undefined} max={determinate ? max : undefined} />
  );
}
