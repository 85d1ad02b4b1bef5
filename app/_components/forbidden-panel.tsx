import Link from "next/link";

/** What a signed-in user without the needed permission sees: no hint of the data they asked for. */
export function ForbiddenPanel({ what = "this page" }: { what?: string }) {
  return (
    <div className="card card-body" role="alert" style={{ maxWidth: 560 }}>
      <p className="subtle">403 · Forbidden</p>
      <h1 style={{ marginTop: 4 }}>You do not have access to {what}</h1>
      <p className="muted" style={{ marginTop: 8 }}>
        Your role does not allow this. If you need it, ask an Orderdesk administrator to change your role.
      </p>
      <p style={{ marginTop: 16 }}>
        <Link className="btn" href="/orders">
          Back to orders
        </Link>
      </p>
    </div>
  );
}
