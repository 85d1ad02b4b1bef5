"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** Only the exact path counts as current (so /orders/new does not also light up Orders). */
  exact: boolean;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = (item: NavItem) => {
    if (item.exact) return pathname === item.href;
    if (item.href === "/orders" && pathname === "/orders/new") return false;
    return pathname === item.href || pathname.startsWith(`${item.href}/`);
  };
  return (
    <nav className="nav" aria-label="Main">
      {items.map((item) => (
        <Link key={item.href} href={item.href} aria-current={current(item) ? "page" : undefined}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
