"use client";

// Loaded when "Paste from a spreadsheet" is first opened (line-items-editor.tsx), with the parser.
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { parsePastedLines, type PastedLine, type RejectedRow } from "@/lib/orders/pasted-lines";

/**
 * Rows pasted from a spreadsheet become order lines. Good rows are added at once; rows with a problem stay in
 * the box (with the header row, if there was one) and are listed by their row there, for fixing and adding again.
 */
export function PasteLinesPanel({ room, onAdd }: { room: number; onAdd: (lines: PastedLine[]) => void }) {
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<RejectedRow[]>([]);
  const [status, setStatus] = useState("");

  function add() {
    const r = parsePastedLines(text, room);
    if (r.lines.length === 0 && r.rejected.length === 0) {
      setProblems([]);
      setStatus("Paste rows first: part, quantity and unit price, one line per row.");
      return;
    }
    if (r.lines.length) onAdd(r.lines);
    const header = r.headerSkipped ? [text.split(/\r\n|\n|\r/).find((row) => row.trim() !== "")!] : [];
    const left = r.rejected.length ? [...header, ...r.rejected.map((x) => x.text)].join("\n") : "";
    setText(left);
    // Numbered as the rows now stand in the box.
    setProblems(left ? parsePastedLines(left, room - r.lines.length).rejected : []);
    const added = `Added ${r.lines.length} ${r.lines.length === 1 ? "line" : "lines"}`;
    setStatus(
      r.rejected.length
        ? `${added}. ${r.rejected.length} ${r.rejected.length === 1 ? "row needs" : "rows need"} fixing below.`
        : `${added}.`,
    );
  }

  return (
    <div className="paste-panel stack" style={{ gap: 8 }}>
      <label className="label" htmlFor="paste-lines">
        Rows from a spreadsheet
      </label>
      <span id="paste-lines-hint" className="hint">
        One line per row: Ingram part number, quantity, unit price (optional), separated by tabs (as copied from Excel)
        or commas. A header row is skipped.
      </span>
      <textarea
        id="paste-lines"
        rows={5}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={problems.length ? "paste-lines-hint paste-lines-errors" : "paste-lines-hint"}
      />
      {problems.length ? (
        <ul id="paste-lines-errors" className="paste-errors" data-testid="paste-errors">
          {problems.map((p) => (
            <li key={p.row}>
              Row {p.row}: {p.errors.map((e) => e.message).join(" ")}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row" style={{ gap: 10 }}>
        <Button size="sm" onClick={add}>
          Add pasted lines
        </Button>
        <span role="status" className="subtle">
          {status}
        </span>
      </div>
    </div>
  );
}
