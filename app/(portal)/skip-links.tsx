"use client";

import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";

/**
 * The first stops of the Tab order. On the orders list, "Skip to results" lands on the results' rows (the table
 * body, so the next Tab is the first order), or on the main content when there are none (empty, invalid, error).
 */
export function SkipLinks() {
  const pathname = usePathname();
  return (
    <div className="skip-links">
      {pathname === "/orders" ? (
        <a className="skip-link" href="#results" onClick={(e) => skipTo(e, "results")}>
          Skip to results
        </a>
      ) : null}
      <a className="skip-link" href="#content" onClick={(e) => skipTo(e, "content")}>
        Skip to content
      </a>
    </div>
  );
}

function skipTo(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id) ?? document.getElementById("content");
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  (target.closest("section") ?? target).scrollIntoView({ block: "start" });
}
