import { z } from "zod";
import { INGRAM_CALLS, type IngramOperation } from "../ingram-operations.ts";

const opSchema = z.enum(INGRAM_CALLS as [IngramOperation, ...IngramOperation[]]);
const scope = { op: z.union([opSchema, z.array(opSchema)]).optional(), times: z.number().int().positive().optional() };

export const faultRuleSchema = z.discriminatedUnion("kind", [
  z.object({ ...scope, kind: z.literal("latency"), ms: z.number().int().nonnegative() }),
  z.object({ ...scope, kind: z.literal("drip"), bytesPerSecond: z.number().positive() }),
  z.object({
    ...scope,
    kind: z.literal("status"),
    status: z.number().int().min(100).max(599),
    retryAfter: z.number().int().nonnegative().optional(),
    body: z.unknown().optional(),
  }),
  z.object({ ...scope, kind: z.literal("truncated") }),
  z.object({ ...scope, kind: z.literal("html200") }),
  z.object({ ...scope, kind: z.literal("wrongTypes") }),
  z.object({ ...scope, kind: z.literal("redirect"), location: z.string().min(1) }),
  z.object({ ...scope, kind: z.literal("huge"), bytes: z.number().int().positive() }),
  z.object({ ...scope, kind: z.literal("commitThenHang"), ms: z.number().int().nonnegative() }),
]);

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type ActiveFault = FaultRule & { id: string };

/** Kinds that replace the operation entirely (it is not performed). */
export const PREEMPTIVE = new Set<FaultRule["kind"]>(["status", "html200", "redirect", "huge"]);

/** Fault rules, matched in insertion order; `times` counts matched requests, then the rule disappears. */
export class FaultController {
  private rules: { rule: ActiveFault; remaining: number }[] = [];
  private seq = 0;

  set(rule: FaultRule): string {
    const parsed = faultRuleSchema.parse(rule);
    const id = `fault-${++this.seq}`;
    this.rules.push({ rule: { ...parsed, id }, remaining: parsed.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  clear(id?: string): void {
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.rule.id !== id);
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => r.rule);
  }

  take(op: IngramOperation): ActiveFault | undefined {
    const entry = this.rules.find(({ rule }) => {
      if (rule.op === undefined) return true;
      return Array.isArray(rule.op) ? rule.op.includes(op) : rule.op === op;
    });
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.rules = this.rules.filter((r) => r !== entry);
    return entry.rule;
  }
}
