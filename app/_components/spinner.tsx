export function Spinner({ label }: { label?: string }) {
  return (
    <span className="row" style={{ gap: 6, display: "inline-flex" }}>
      <span className="spinner" aria-hidden="true" />
      {label ? <span>{label}</span> : <span className="sr-only">Loading</span>}
    </span>
  );
}

export interface ProgressProps {
  label: string;
  /** Omit value or max for an indeterminate bar. */
  value?: number;
  max?: number;
  /** What assistive tech reads instead of a percentage, e.g. "Waiting, 12 seconds". */
  valueText?: string;
  /** Fill the container's width instead of the compact 160 px toolbar size. */
  wide?: boolean;
}

/** A CSS progress bar (8 px); spans, so it may sit inside inline content. The native <progress> rendered too thin. */
export function Progress({ label, value, max, valueText, wide }: ProgressProps) {
  const determinate = typeof value === "number" && typeof max === "number" && max > 0;
  const pct = determinate ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  const className = ["progress", determinate ? "" : "progress-indeterminate", wide ? "progress-wide" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <span
      className={className}
      role="progressbar"
      aria-label={label}
      aria-valuemin={determinate ? 0 : undefined}
      aria-valuemax={determinate ? max : undefined}
      aria-valuenow={determinate ? value : undefined}
      aria-valuetext={valueText}
    >
      <span className="progress-bar" style={determinate ? { width: `${pct}%` } : undefined} />
    </span>
  );
}
