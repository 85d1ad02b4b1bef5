import Link from "next/link";

/** Order numbers as links to their pages, comma-separated. */
export function OrderLinks({ orderNumbers }: { orderNumbers: string[] }) {
  return (
    <>
      {orderNumbers.map((n, i) => (
        <span key={n}>
          {i ? ", " : ""}
          <Link className="mono" href={`/orders/${encodeURIComponent(n)}`}>
            {n}
          </Link>
        </span>
      ))}
    </>
  );
}
