import type { FieldChange, OrderDiff } from "@/lib/audit/types";

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

function ChangeRows({ changes, indent }: { changes: FieldChange[]; indent?: boolean }) {
  return (
    <>
      {changes.map((c) => (
        <tr key={c.path} className="changed">
          <th scope="row" className="mono" style={{ fontWeight: 400, paddingLeft: indent ? 28 : undefined }}>
            {c.path}
          </th>
          <td>
            {c.before === null || c.before === undefined ? (
              <span className="muted">—</span>
            ) : (
              <span className="diff-old">{show(c.before)}</span>
            )}
          </td>
          <td>
            {c.after === null || c.after === undefined ? (
              <span className="muted">—</span>
            ) : (
              <span className="diff-new">{show(c.after)}</span>
            )}
          </td>
        </tr>
      ))}
    </>
  );
}

const LINE_LABEL = { added: "Line added", removed: "Line removed", changed: "Line changed" } as const;

/** The order before (intent) and after (outcome): changed header fields, then lines added, removed or changed. */
export function OrderDiffView({ diff }: { diff: OrderDiff }) {
  if (diff.fields.length === 0 && diff.lines.length === 0) {
    return <p className="muted card-body">The order looked the same before and after.</p>;
  }
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data">
        <caption className="sr-only">Changes to the order</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <ChangeRows changes={diff.fields} />
          {diff.lines.map((l) => (
            <LineBlock key={l.key} lineKey={l.key} change={l.change} fields={l.fields} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LineBlock({
  lineKey,
  change,
  fields,
}: {
  lineKey: string;
  change: keyof typeof LINE_LABEL;
  fields: FieldChange[];
}) {
  return (
    <>
      <tr
        className={change === "added" ? "added" : change === "removed" ? "removed" : "changed"}
        style={{ textDecoration: "none" }}
      >
        <th scope="rowgroup" colSpan={3} style={{ fontWeight: 600 }}>
          {LINE_LABEL[change]} <span className="mono">{lineKey}</span>
        </th>
      </tr>
      <ChangeRows changes={fields} indent />
    </>
  );
}
