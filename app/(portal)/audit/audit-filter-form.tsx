import Link from "next/link";
import { Field } from "@/app/_components/field";
import { GetForm } from "@/app/_components/get-form";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/types";
import { ACTION_LABELS, OUTCOME_LABELS } from "./action-labels";

type Values = Record<string, string | undefined>;

export function AuditFilterForm({ values, errors }: { values: Values; errors: Record<string, string> }) {
  const v = (k: string) => values[k] ?? "";
  return (
    <GetForm action="/audit" className="card filters" role="search" aria-label="Filter audit events">
      <div className="form-grid">
        <Field id="a-orderNumber" label="Order number" error={errors.orderNumber}>
          {(a) => <input {...a} type="search" name="orderNumber" defaultValue={v("orderNumber")} autoComplete="off" />}
        </Field>
        <Field id="a-actor" label="Actor email" error={errors.actor}>
          {(a) => <input {...a} type="search" name="actor" defaultValue={v("actor")} autoComplete="off" />}
        </Field>
        <Field id="a-action" label="Action" error={errors.action}>
          {(a) => (
            <select {...a} name="action" defaultValue={v("action")}>
              <option value="">Any action</option>
              {AUDIT_ACTIONS.map((x) => (
                <option key={x} value={x}>
                  {ACTION_LABELS[x]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="a-outcome" label="Outcome" error={errors.outcome}>
          {(a) => (
            <select {...a} name="outcome" defaultValue={v("outcome")}>
              <option value="">Any outcome</option>
              {AUDIT_OUTCOMES.map((x) => (
                <option key={x} value={x}>
                  {OUTCOME_LABELS[x]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="a-from" label="From" error={errors.from}>
          {(a) => <input {...a} type="date" name="from" defaultValue={v("from").slice(0, 10)} />}
        </Field>
        <Field id="a-to" label="To (inclusive)" error={errors.to}>
          {(a) => <input {...a} type="date" name="to" defaultValue={v("to").slice(0, 10)} />}
        </Field>
      </div>
      {v("pageSize") ? <input type="hidden" name="pageSize" value={v("pageSize")} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          Filter
        </button>
        <Link href="/audit" className="btn btn-ghost">
          Clear filters
        </Link>
      </div>
    </GetForm>
  );
}
