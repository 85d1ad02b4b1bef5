/** Two date inputs sharing one query name: the URL gets `name=from&name=to`, Ingram's repeated-key form. */
export function DateRangeField({
  name,
  label,
  value,
  error,
}: {
  name: string;
  label: string;
  value?: string[];
  error?: string;
}) {
  const id = `f-${name.replace(/[^A-Za-z0-9]/g, "-")}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="field" style={{ gridColumn: "span 2" }} aria-describedby={errorId}>
      <legend className="label" style={{ marginBottom: 0, fontWeight: 500, fontSize: "0.93rem" }}>
        {label}
      </legend>
      <div className="range">
        <input
          type="date"
          id={`${id}-from`}
          name={name}
          defaultValue={value?.[0] ?? ""}
          aria-label={`${label} from`}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
        />
        <input
          type="date"
          id={`${id}-to`}
          name={name}
          defaultValue={value?.[1] ?? ""}
          aria-label={`${label} to`}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
        />
      </div>
      {error ? (
        <span id={errorId} className="error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
