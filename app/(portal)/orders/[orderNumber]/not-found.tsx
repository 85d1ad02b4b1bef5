import Link from "next/link";

export default function OrderNotFound() {
  return (
    <div className="card card-body" style={{ maxWidth: 560 }}>
      <p className="subtle">404 · Not found</p>
      <h1 style={{ marginTop: 4 }}>No such order</h1>
      <p className="muted" style={{ marginTop: 8 }}>
        Ingram Micro has no order with this number for our account. Check the number, or search for it by PO.
      </p>
      <p style={{ marginTop: 16 }}>
        <Link className="btn" href="/orders">
          Search orders
        </Link>
      </p>
    </div>
  );
}
