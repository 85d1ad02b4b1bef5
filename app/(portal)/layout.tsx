import Link from "next/link";
import type { ReactNode } from "react";
import { pageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { HeaderMenu } from "./header-menu";
import { HeaderSearch } from "./header-search";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";
import { SkipLinks } from "./skip-links";

/**
 * The portal shell. It steers only: every page calls requirePageActor(path) itself (a layout cannot know the
 * path, so a redirect here would lose the deep link), and every query and command checks permissions.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await pageActor();
  if (!actor) return <main className="main">{children}</main>;
  const items = [
    { href: "/orders", label: "Orders", exact: false },
    ...(can(actor, "orders.create") ? [{ href: "/orders/new", label: "New order", exact: true }] : []),
    ...(can(actor, "audit.read") ? [{ href: "/audit", label: "Audit", exact: false }] : []),
    ...(can(actor, "users.manage") ? [{ href: "/admin/users", label: "Users", exact: false }] : []),
  ];
  return (
    <>
      <SkipLinks />
      <header className="app-header">
        <Link href="/orders" className="brand">
          Orderdesk
        </Link>
        {/* The header search stays outside the menu, so it is there at every width. */}
        {can(actor, "orders.read") ? <HeaderSearch /> : null}
        <HeaderMenu>
          <NavLinks items={items} />
          <div className="user-menu">
            {can(actor, "orders.read") ? <NotificationBell /> : null}
            <Link href="/account" className="account-link" title={actor.name ?? undefined}>
              {actor.email}
            </Link>
            <span className="role-tag" aria-label={`Role: ${actor.role}`}>
              {actor.role}
            </span>
            <SignOutButton />
          </div>
        </HeaderMenu>
      </header>
      <main id="content" className="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
