import type { Metadata } from "next";
import { Suspense } from "react";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { Spinner } from "@/app/_components/spinner";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { listUsers } from "@/lib/users/queries";
import { loadForPage } from "../../page-data";
import { AddUserForm } from "./add-user-form";
import { ChainStatus } from "./chain-status";
import { SyncPanel } from "./sync-panel";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  if (!can(actor, "users.manage")) return <ForbiddenPanel what="user management" />;
  const result = await loadForPage("users list", () => listUsers(actor));

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Users</h1>
          <p className="meta">
            Viewers read orders and the audit log; buyers also create, change, release and cancel; admins also manage
            users.
          </p>
        </div>
      </div>
      <Suspense
        fallback={
          <p className="panel" role="status">
            <Spinner label="Verifying the audit chain…" />
          </p>
        }
      >
        <ChainStatus actor={actor} />
      </Suspense>
      <Suspense
        fallback={
          <p className="panel" role="status">
            <Spinner label="Reading the order index's sync status…" />
          </p>
        }
      >
        <SyncPanel actor={actor} />
      </Suspense>
      {result.ok ? (
        <section className="card" aria-label="Users">
          <UsersTable
            selfId={actor.id}
            users={result.data.map((u) => ({
              id: u.id,
              email: u.email,
              name: u.name,
              role: u.role,
              disabled: u.disabled,
              lastSignInAt: u.lastSignInAt,
            }))}
          />
        </section>
      ) : (
        <ErrorPanel
          title="Users could not be loaded"
          message={result.message}
          correlationId={result.correlationId}
          retryAfterSeconds={result.retryAfterSeconds}
        />
      )}
      <AddUserForm />
    </div>
  );
}
