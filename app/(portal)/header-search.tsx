"use client";

import { useEffect, useId, useRef, useState, type ComponentType } from "react";
import type { HeaderComboboxProps } from "./header-combobox";
import { searchBoxAttributes } from "./header-search-box";
import "./header-search.css";

/** Read by the server to show dates relative to the user's own day (lib/calendar.ts). */
const TZ_COOKIE = "od-tz";

/** True when `/` should type a slash rather than jump to the search (focus is in a field). */
function typingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName);
}

/**
 * The portal's one search box. This shell is what every page loads: the GET form to /orders (all it is
 * without JavaScript), the time-zone cookie and the `/` shortcut (anywhere outside a field it focuses the
 * box). The combobox (suggestions as you type, arrows, Enter, Escape; header-combobox.tsx) is loaded on first
 * focus or pointer-enter and takes over the input's text, caret and focus when it mounts. Until then the
 * input here carries the same role, name and attributes, so a search typed meanwhile is kept.
 */
export function HeaderSearch() {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const requested = useRef(false);
  const [Combobox, setCombobox] = useState<ComponentType<HeaderComboboxProps> | null>(null);

  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && !document.cookie.includes(`${TZ_COOKIE}=${encodeURIComponent(tz)}`))
      document.cookie = `${TZ_COOKIE}=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typingTarget(e.target)) return;
      e.preventDefault();
      // By id: the shell's input or, once loaded, the combobox's.
      const box = document.getElementById(inputId);
      if (!(box instanceof HTMLInputElement)) return;
      box.focus();
      box.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [inputId]);

  /** Loads the combobox once; a failed load (offline) leaves the plain form and is tried again on next use. */
  function load() {
    if (requested.current) return;
    requested.current = true;
    import("./header-combobox").then(
      (m) => setCombobox(() => m.HeaderCombobox),
      () => {
        requested.current = false;
      },
    );
  }

  return (
    <form
      role="search"
      aria-label="Find orders"
      action="/orders"
      method="get"
      className="header-search"
      onFocus={load}
      onPointerEnter={load}
    >
      <label htmlFor={inputId} className="sr-only">
        Find orders
      </label>
      {Combobox ? (
        <Combobox inputId={inputId} listId={listId} />
      ) : (
        <>
          <input {...searchBoxAttributes(inputId)} role="combobox" aria-expanded={false} aria-controls={listId} />
          <div className="header-search-popup" hidden>
            <ul id={listId} role="listbox" aria-label="Matching orders" />
            <p className="subtle header-search-status" aria-live="polite" />
          </div>
        </>
      )}
    </form>
  );
}
