import { diffSummary, lineFacts } from "@/lib/audit/diff-summary";
import type { FieldChange, LineChange, OrderDiff } from "@/lib/audit/types";

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

/**
 * The order before (intent) and after (outcome): a one-line summary, added and removed lines as a compact table,
 * then every changed field under its Ingram name (collapsed).
 */
export function OrderDiffView({ diff, action }: { diff: OrderDiff; action: string }) {
  if (diff.fields.length === 0 && diff.lines.length === 0) {
    return <p className="muted card-body">The order looked the same before and after.</p>;
  }
  const summary = diffSummary(action, diff);
  const moved = diff.lines.filter((l) => l.change !== "changed");
  return (
    <div>
      {summary ? (
        <p className="card-body diff-summary" data-testid="diff-summary">
          {summary}
        </p>
      ) : null}
      {moved.length ? <LineTable lines={moved} /> : null}
      <details className="more-section diff-raw">
        <summary>
          Every changed field ({diff.fields.length + diff.lines.reduce((n, l) => n + l.fields.length, 0)})
        </summary>
        <RawDiff diff={diff} />
      </details>
    </div>
  );
}

function LineTable({ lines }: { lines: LineChange[] }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="diff-lines">
        <caption className="sr-only">Lines added or removed</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Line</th>
            <th scope="col">Vendor</th>
            <th scope="col">Part</th>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const f = lineFacts(l);
            return (
              <tr key={l.key} className={l.change}>
                <td>{l.change === "added" ? "Added" : "Removed"}</td>
                <td className="mono">{f.line}</td>
                <td>{f.vendor ?? "—"}</td>
                <td>
                  <span className="mono">{f.part ?? "—"}</span>
                  {f.vendorPart ? <span className="subtle mono"> · {f.vendorPart}</span> : null}
                </td>
                <td>{f.description ?? "—"}</td>
                <td className="num">{f.quantity ?? "—"}</td>
                <td className="num">{f.unitPrice ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RawDiff({ diff }: { diff: OrderDiff }) {
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
