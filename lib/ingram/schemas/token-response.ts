import { z } from "zod";
import { rNum, rObj } from "./primitives";

/** OAuth2 token response; `expires_in` is a string in Ingram's spec and a number on its developer portal. */
export const TokenResponse = rObj({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: rNum,
});
export type TokenResponse = z.output<typeof TokenResponse>;
