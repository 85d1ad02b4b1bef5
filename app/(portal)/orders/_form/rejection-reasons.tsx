import { describeRejection } from "@/lib/orders/rejection-words";

/** Ingram's reasons for a failed request, each in plain words with Ingram's own text and code kept for support. */
export function RejectionReasons({ reasons, className }: { reasons: string[]; className?: string }) {
  return (
    <ul className={className}>
      {reasons.map((reason, i) => {
        const d = describeRejection(reason);
        return (
          <li key={i}>
            {d.words}
            {d.raw && d.raw !== d.words ? <span className="subtle mono"> (Ingram: {d.raw})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
