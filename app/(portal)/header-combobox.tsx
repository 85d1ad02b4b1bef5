"use client";

import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { OrderSuggestion } from "@/lib/orders/suggest-orders";
import { searchBoxAttributes } from "./header-search-box";

// A type only (erased from the bundle): the shape GET /api/orders/suggest answers with.
type Suggestion = OrderSuggestion;

type State =
  | { kind: "idle" }
  | { kind: "loading"; q: string }
  | { kind: "done"; q: string; results: Suggestion[]; total: number }
  | { kind: "failed"; q: string; message: string };

const DEBOUNCE_MS = 180;

const seeAllHref = (q: string) => `/orders?q=${encodeURIComponent(q)}`;

export interface HeaderComboboxProps {
  /** The id the box takes over from the shell's input (the shell's label points at it). */
  inputId: string;
  /** The id of the listbox the box controls (the shell renders an empty one with it before this loads). */
  listId: string;
}

/** What the shell's input held when this replaced it: read in render, before the commit removes it. */
function takeOver(inputId: string) {
  const el = document.getElementById(inputId);
  const shell = el instanceof HTMLInputElement ? el : null;
  return { shell, text: shell?.value ?? "", focused: shell !== null && document.activeElement === shell };
}

/**
 * The header search's behaviour, loaded by the shell (header-search.tsx) on first focus or pointer-enter
 * (WAI-ARIA combobox with a listbox popup): results from the order index as you type, arrows to move, Enter
 * to open the highlighted order (or every result on /orders?q=… when none is highlighted), Escape to close.
 * It mounts in place of the shell's input and takes over its text, caret and focus, so typing while this
 * loaded is not lost.
 */
export function HeaderCombobox({ inputId, listId }: HeaderComboboxProps) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const closing = useRef<number | undefined>(undefined);
  const [from] = useState(() => takeOver(inputId));
  const [text, setText] = useState(from.text);
  const [open, setOpen] = useState(from.focused);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<State>({ kind: "idle" });

  // Render and commit run in one task, so the shell's text cannot change between takeOver and here.
  useLayoutEffect(() => {
    const box = input.current;
    if (!box || !from.shell || !from.focused) return;
    box.focus();
    box.setSelectionRange(from.shell.selectionStart, from.shell.selectionEnd, from.shell.selectionDirection ?? "none");
  }, [from]);

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const ctrl = new AbortController();
    const timer = window.setTimeout(async () => {
      setState({ kind: "loading", q });
      try {
        const res = await fetch(`/api/orders/suggest?q=${encodeURIComponent(q)}`, {
          signal: ctrl.signal,
          credentials: "same-origin",
        });
        const body = (await res.json().catch(() => null)) as {
          results?: Suggestion[];
          total?: number;
          error?: { message?: string };
        } | null;
        if (!res.ok || !body?.results) {
          setState({ kind: "failed", q, message: body?.error?.message ?? `Search failed (HTTP ${res.status}).` });
          return;
        }
        setState({ kind: "done", q, results: body.results, total: body.total ?? body.results.length });
        setActive(-1);
      } catch {
        if (!ctrl.signal.aborted) setState({ kind: "failed", q, message: "Search failed: no connection." });
      }
    }, DEBOUNCE_MS);
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [text]);

  // An emptied box shows nothing, whatever the last search answered.
  const shown: State = text.trim() ? state : { kind: "idle" };
  const results = shown.kind === "done" ? shown.results : [];
  // The options: every result, then "See all results" (index results.length).
  const optionCount = shown.kind === "done" ? results.length + 1 : 0;
  const expanded = open && shown.kind !== "idle";

  function go(index: number) {
    const q = text.trim();
    const target =
      index >= 0 && index < results.length
        ? `/orders/${encodeURIComponent(results[index]!.orderNumber)}`
        : seeAllHref(q);
    setOpen(false);
    setActive(-1);
    router.push(target);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (!optionCount) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      // -1 (the text itself) and each option form one ring.
      setActive((a) => ((a + 1 + step + optionCount + 1) % (optionCount + 1)) - 1);
    } else if (e.key === "Enter") {
      if (!text.trim()) return;
      e.preventDefault();
      go(active);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText("");
      }
    }
  }

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <>
      <input
        ref={input}
        {...searchBoxAttributes(inputId)}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && active < optionCount ? optionId(active) : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => {
          // Back within the blur's grace period: the pending close must not shut the popup on a focused box.
          window.clearTimeout(closing.current);
          setOpen(true);
        }}
        onBlur={() => {
          closing.current = window.setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="header-search-popup" hidden={!expanded}>
        <ul id={listId} role="listbox" aria-label="Matching orders">
          {results.map((r, i) => (
            <li
              key={r.orderNumber}
              id={optionId(i)}
              role="option"
              aria-selected={active === i}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(i)}
              // Moving the pointer highlights; a layout change that puts an option under a still pointer does not.
              onMouseMove={() => setActive(i)}
            >
              <span className="mono">{r.orderNumber}</span>
              <span className="subtle">
                {[r.customerOrderNumber, r.endCustomerName, r.vendorNames.join(", "), r.orderDate, r.status]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
          {shown.kind === "done" ? (
            <li
              id={optionId(results.length)}
              role="option"
              aria-selected={active === results.length}
              className="see-all"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(results.length)}
              onMouseMove={() => setActive(results.length)}
            >
              See all results{shown.total ? ` (${shown.total.toLocaleString("en-US")})` : ""} for “{shown.q}”
            </li>
          ) : null}
        </ul>
        <p className="subtle header-search-status" aria-live="polite">
          {shown.kind === "loading"
            ? "Searching…"
            : shown.kind === "failed"
              ? shown.message
              : shown.kind === "done"
                ? shown.total === 0
                  ? "No order in the index matches."
                  : `${shown.total.toLocaleString("en-US")} ${shown.total === 1 ? "order matches" : "orders match"}.`
                : ""}
        </p>
      </div>
    </>
  );
}
