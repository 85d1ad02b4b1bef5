import { Button } from "@/app/_components/button";
import { Progress } from "@/app/_components/spinner";
import type { ExportState } from "./export-csv-stream";

/** What the export is doing (loaded on the first click): rows arrived and Stop, the rows saved, or why it failed. */
export function ExportCsvStatus({
  state,
  onStop,
}: {
  state: Exclude<ExportState, { kind: "idle" }>;
  onStop: () => void;
}) {
  if (state.kind === "running")
    return (
      <>
        <Progress label="Export progress" value={state.rows} max={state.total ?? undefined} />
        <span>
          {state.rows.toLocaleString("en-US")}
          {state.total ? ` of ${state.total.toLocaleString("en-US")}` : ""} rows
        </span>
        <Button size="sm" variant="ghost" onClick={onStop}>
          Stop
        </Button>
      </>
    );
  if (state.kind === "done") return <span>Saved {state.rows.toLocaleString("en-US")} rows</span>;
  return (
    <span style={{ color: "var(--danger)" }} role="alert">
      {state.message}
      {state.correlationId ? (
        <>
          {" "}
          (correlation id <code>{state.correlationId}</code>)
        </>
      ) : null}
    </span>
  );
}
