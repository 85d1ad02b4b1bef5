"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The header's nav, bell and account controls. Wide screens show them inline and hide the button (CSS); narrow
 * screens show a "Menu" disclosure button that opens them as a panel under the header. Escape closes the panel
 * and returns focus to the button; following a link closes it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const pathname = usePathname();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  // A navigation closes the panel (derived during render rather than in an effect).
  if (open && openedOn !== pathname) {
    setOpen(false);
    setOpenedOn(null);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          setOpenedOn(pathname);
        }}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d={
              open
                ? "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6Z"
                : "M3 6h18v2H3Zm0 5h18v2H3Zm0 5h18v2H3Z"
            }
          />
        </svg>
        Menu
      </button>
      <div id={panelId} className="header-menu" data-open={open ? "true" : "false"}>
        {children}
      </div>
    </>
  );
}
