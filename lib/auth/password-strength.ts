import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/** zxcvbn's score (0–4) a new password must reach: 3 is "safely unguessable: moderate protection offline". */
export const MIN_PASSWORD_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

/**
 * Why `password` is too easy to guess, or null when it is strong enough. `related` are the account's own words
 * (email, name), which a guesser tries first.
 */
export function passwordWeakness(password: string, related: string[] = []): string | null {
  const words = related
    .flatMap((w) => {
      const lower = w.toLowerCase().split("@")[0] ?? "";
      return [lower.replace(/[^a-z0-9]+/g, ""), ...lower.split(/[^a-z0-9]+/)];
    })
    .filter((w) => w.length >= 3);
  const result = zxcvbn.check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning || result.feedback.suggestions[0];
  return `This password is too easy to guess${hint ? `: ${hint}` : "."}`;
}
