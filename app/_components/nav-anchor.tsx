"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A plain link that navigates on the client, as next/link does (without its prefetch), for a page whose code is
 * part of every page's first load: the root not-found page's chunk is, and next/link there (3 KB gzipped) came on
 * top of the portal layout's own copy. A modified or middle click, or no JavaScript, is an ordinary link.
 */
export function NavAnchor({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  return (
    <a
      href={href}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        router.push(href);
      }}
    >
      {children}
    </a>
  );
}
