import { ButtonLink } from "@/app/_components/button";
import type { ModifyOrderResult } from "@/lib/orders/dto-types";
import type { ModifyOrderInput } from "@/lib/validation/order-changes";
import { LineResults } from "../../_form/line-results";
import { modifySummary } from "./modify-summary";

export interface ModifyResultProps {
  /** The order's page, for "Back to order". */
  href: string;
  /** What was sent, to say what changed. */
  sent: ModifyOrderInput;
  result: ModifyOrderResult;
}

/** Ingram's answer to saved changes (loaded after a save): what changed, and per line accepted or rejected. */
export function ModifyResult({ href, sent, result }: ModifyResultProps) {
  const rejected = result.lines.filter((l) => l.result === "rejected").length;
  return (
    <section className="card" aria-labelledby="modify-result-h">
      <div
        className={`panel ${rejected || result.outcome !== "succeeded" ? "panel-warn" : "panel-ok"}`}
        role="status"
        style={{ border: 0 }}
      >
        <h2 id="modify-result-h">
          {rejected
            ? `Changes saved; ${rejected} ${rejected === 1 ? "line was" : "lines were"} rejected`
            : "Changes saved"}
        </h2>
        <p>{modifySummary(sent, result)}</p>
        {result.changeDescription ? (
          <p className="subtle" style={{ color: "inherit" }}>
            {result.changeDescription}
          </p>
        ) : null}
      </div>
      <LineResults lines={result.lines} caption="Line changes" />
      <div className="form-actions card-body">
        <ButtonLink href={href} variant="primary">
          Back to order
        </ButtonLink>
      </div>
    </section>
  );
}
