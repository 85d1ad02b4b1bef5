// Lives in the (list) route group so this skeleton shows only for the list, not for /orders/[n] or /orders/new.
/** Skeleton of the orders table while Ingram answers the search. */
export default function OrdersLoading() {
  return (
    <div className="stack" aria-busy="true">
      <div className="page-head">
        <div>
          <h1>Orders</h1>
          <p className="meta" role="status">
            Loading orders…
          </p>
        </div>
      </div>
      <div className="card filters">
        <div className="form-grid">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="skeleton" style={{ height: 32 }} />
          ))}
        </div>
      </div>
      <div className="card" aria-hidden="true">
        {Array.from({ length: 10 }, (_, i) => (
          <div
            key={i}
            style={{
              display: "grid",
              gridTemplateColumns: "1fr 1fr 2fr 2fr 1fr 1fr",
              gap: 16,
              padding: "11px 14px",
              borderBottom: "1px solid var(--border)",
            }}
          >
            {Array.from({ length: 6 }, (_, j) => (
              <div key={j} className="skeleton" style={{ width: `${60 + ((i * 7 + j * 13) % 35)}%` }} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
