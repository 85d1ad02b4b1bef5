export default function OrderLoading() {
  return (
    <div className="stack" aria-busy="true">
      <p role="status" className="muted">
        Loading order…
      </p>
      <div className="grid-2" aria-hidden="true">
        {[0, 1].map((i) => (
          <div key={i} className="card card-body stack" style={{ gap: 10 }}>
            {Array.from({ length: 6 }, (_, j) => (
              <div key={j} className="skeleton" style={{ width: `${50 + j * 7}%` }} />
            ))}
          </div>
        ))}
      </div>
      <div className="card card-body stack" style={{ gap: 12 }} aria-hidden="true">
        {Array.from({ length: 6 }, (_, j) => (
          <div key={j} className="skeleton" />
        ))}
      </div>
    </div>
  );
}
