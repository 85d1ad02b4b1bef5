import { NavAnchor } from "@/app/_components/nav-anchor";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="auth-shell">
      <div className="card auth-card">
        <h1>Not found</h1>
        <p className="muted" style={{ marginTop: 8 }}>
          There is nothing at this address, or you do not have access to it. Check the link, or start from the order
          list.
        </p>
        <p style={{ marginTop: 16 }}>
          <NavAnchor className="btn" href="/orders">
            Go to orders
          </NavAnchor>
        </p>
      </div>
    </main>
  );
}
