import { columnHelper, DataTable } from "@/app/_components/data-table";
import { formatDateTime } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import type { UserRole } from "@/lib/validation/user-constants";
import { UserPasswordReset, UserRoleControl, UserStatusControl } from "./user-row-actions";

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  disabled: boolean;
  lastSignInAt: string | null;
}

const h = columnHelper<UserRow>();

function columnsFor(selfId: string) {
  const props = (u: UserRow) => ({
    id: u.id,
    email: u.email,
    role: u.role,
    disabled: u.disabled,
    self: u.id === selfId,
  });
  return h.columns([
    h.accessor("email", { header: "Email" }),
    h.accessor("name", { header: "Name", cell: (c) => c.getValue() ?? <span className="muted">—</span> }),
    h.accessor("role", {
      header: "Role",
      cell: (c) => <UserRoleControl key={`${c.row.original.id}-${c.getValue()}`} {...props(c.row.original)} />,
    }),
    h.accessor("disabled", {
      header: "Status",
      cell: (c) => (
        <StatusBadge
          status={{ state: c.getValue() ? "disabled" : "active", label: c.getValue() ? "Disabled" : "Active" }}
        />
      ),
    }),
    h.accessor("lastSignInAt", {
      header: "Last sign-in",
      cell: (c) => (c.getValue() ? formatDateTime(c.getValue()) : <span className="muted">Never</span>),
    }),
    h.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (c) => (
        <div className="row" style={{ gap: 6, flexWrap: "nowrap" }}>
          <UserStatusControl {...props(c.row.original)} />
          <UserPasswordReset {...props(c.row.original)} />
        </div>
      ),
    }),
  ]);
}

export function UsersTable({ users, selfId }: { users: UserRow[]; selfId: string }) {
  const columns = columnsFor(selfId);
  return <DataTable caption={`Users (${users.length})`} columns={columns} data={users} getRowId={(u) => u.id} />;
}
