import { z } from "zod";
import { rArr, rObj, rStr } from "./primitives";

/* Error bodies by layer (API, v7, gateway, token endpoint); normalizeErrors in ../ingram-errors.ts reads all of them. */

export const ErrorField = rObj({ field: rStr, value: rStr, message: rStr });

/** API layer: `{ errors: [{ id, type, message, fields }] }`; ErrorResponseDTO is the same, all nullable. */
export const ErrorResponse = rObj({
  errors: rArr(rObj({ id: rStr, type: rStr, message: rStr, fields: rArr(ErrorField) })),
});
export type ErrorResponse = z.output<typeof ErrorResponse>;
export const ErrorResponseDTO = ErrorResponse;

/** v7 create 400/500: flat per schema, wrapped in `errors[]` per the examples. */
export const V7ErrorItem = rObj({ traceid: rStr, type: rStr, message: rStr, fields: rArr(ErrorField) });
export const V7Error = z.union([rObj({ errors: z.array(V7ErrorItem) }), V7ErrorItem]);
export type V7Error = z.output<typeof V7Error>;

/** Gateway layer: `{ fault: { faultstring, detail: { errorcode } } }`. */
export const GatewayFault = rObj({
  fault: rObj({ faultstring: rStr, detail: rObj({ errorcode: rStr }).nullish() }),
});
export type GatewayFault = z.output<typeof GatewayFault>;

/** Gateway layer: `{ faultcode, faultstring }` (e.g. wrong IM-CustomerNumber). */
export const FaultCode = rObj({ faultcode: rStr, faultstring: rStr });
export type FaultCode = z.output<typeof FaultCode>;

/** Token endpoint 400: `{ message }`. */
export const MessageError = rObj({ message: rStr });
export type MessageError = z.output<typeof MessageError>;
