// What a reconciler concludes from the order as Ingram shows it now, for an intent whose outcome was never
// written: "succeeded" when the requested change is visible, "partially_succeeded" when only some of a
// modify's changes are, else "unknown" (not seen is not proof of failure: the call may have been refused or
// never sent). Pure: reads the intent's stored request and before, and the observed order (Ingram's wire names).
import type { AuditAction, FinalOutcome } from "@/lib/audit/types";

export interface ReconcilableIntent {
  action: AuditAction;
  request: unknown;
  before: unknown;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v).trim());

function sameLineNumber(a: unknown, b: unknown): boolean {
  const x = str(a);
  const y = str(b);
  return x !== "" && (x === y || (/^\d+$/.test(x) && /^\d+$/.test(y) && Number(x) === Number(y)));
}

function status(order: unknown): string {
  return str(obj(order)?.orderStatus);
}

function linesOf(order: unknown): Obj[] {
  return arr(obj(order)?.lines)
    .map(obj)
    .filter((l): l is Obj => l !== null);
}

/** The modify body sent to Ingram: `request.ingramRequest` as the portal stores it, else the request itself. */
function modifyBody(request: unknown): Obj | null {
  const r = obj(request);
  return obj(r?.ingramRequest) ?? r;
}

/** One boolean per change the modify asked for: is it visible on the order now? */
function modifyEffects(body: Obj, before: unknown, after: unknown): boolean[] {
  const effects: boolean[] = [];
  const now = obj(after) ?? {};
  if (typeof body.notes === "string") effects.push(str(now.notes) === body.notes.trim());
  const shipTo = obj(body.shipToInfo);
  if (shipTo) {
    const seen = obj(now.shipToInfo) ?? {};
    effects.push(Object.entries(shipTo).every(([k, v]) => str(seen[k]) === str(v)));
  }
  const lines = linesOf(after);
  const beforeLines = linesOf(before);
  for (const raw of arr(body.lines)) {
    const l = obj(raw);
    if (!l) continue;
    const action = str(l.addUpdateDeleteLine).toUpperCase();
    const find = (ls: Obj[]) => ls.find((x) => sameLineNumber(x.ingramOrderLineNumber, l.ingramLineNumber));
    if (action === "DELETE") {
      effects.push(!find(lines));
    } else if (action === "UPDATE") {
      const line = find(lines);
      const qtyOk = l.quantity === undefined || Number(line?.quantityOrdered) === Number(l.quantity);
      const notesOk = l.notes === undefined || str(line?.lineNotes) === str(l.notes);
      effects.push(!!line && qtyOk && notesOk);
    } else if (action === "ADD") {
      const pn = str(l.ingramPartNumber).toUpperCase();
      const matches = (ls: Obj[]) =>
        ls.filter(
          (x) =>
            str(x.ingramPartNumber).toUpperCase() === pn &&
            (l.quantity === undefined || Number(x.quantityOrdered) === Number(l.quantity)),
        ).length;
      effects.push(matches(lines) > matches(beforeLines));
    }
  }
  return effects;
}

export function reconciledOutcome(intent: ReconcilableIntent, observed: unknown): FinalOutcome {
  switch (intent.action) {
    case "order.create":
    case "order.create_async":
      return arr(obj(observed)?.ordersFound).length > 0 ? "succeeded" : "unknown";
    case "order.cancel":
      return /cancel/i.test(status(observed)) ? "succeeded" : "unknown";
    case "order.release": {
      const s = status(observed);
      return s !== "" && !/hold|cancel/i.test(s) ? "succeeded" : "unknown";
    }
    case "order.modify": {
      const body = modifyBody(intent.request);
      if (!body || !obj(observed)) return "unknown";
      const effects = modifyEffects(body, intent.before, observed);
      if (!effects.length || effects.every((e) => !e)) return "unknown";
      return effects.every(Boolean) ? "succeeded" : "partially_succeeded";
    }
    default:
      return "unknown";
  }
}
