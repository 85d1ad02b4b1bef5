import { readFileSync } from "node:fs";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/*
 * The Ingram spec for the contract test. Only tests read it, and only when INGRAM_OPENAPI_SPEC names the
 * file (the repo must not depend on ../shared). OpenAPI 3.0 `nullable` is understood by Ajv itself.
 */

export const specPath: string | undefined = process.env.INGRAM_OPENAPI_SPEC || undefined;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SpecParam {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: Json;
}

export interface SpecOperation {
  method: string;
  template: string;
  operation: Json;
  params: SpecParam[];
}

export interface LoadedSpec {
  doc: Json;
  operations: SpecOperation[];
  find(method: string, path: string): { op: SpecOperation; pathParams: Record<string, string> } | undefined;
  /** Validates `value` against the schema at a JSON pointer inside the spec (e.g. "#/components/schemas/X"). */
  validate(pointer: string, value: unknown): ErrorObject[];
}

const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
export const pointer = (...parts: string[]) => `#/${parts.map(escape).join("/")}`;

export function loadSpec(path: string): LoadedSpec {
  const doc = JSON.parse(readFileSync(path, "utf8")) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of ["decimal", "double", "float", "int32", "int64"]) ajv.addFormat(f, true);
  ajv.addSchema(doc, "spec");
  const compiled = new Map<string, ValidateFunction>();

  const operations: SpecOperation[] = [];
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      operations.push({
        method: method.toUpperCase(),
        template,
        operation,
        params: (operation as Json).parameters ?? [],
      });
    }
  }

  return {
    doc,
    operations,
    find(method, path) {
      // Static segments win over templated ones (`/orders/search` vs `/orders/{orderNumber}`).
      const candidates = operations
        .filter((o) => o.method === method)
        .map((o) => {
          const names: string[] = [];
          const re = new RegExp(
            `^${o.template.replace(/[.]/g, "\\.").replace(/\{([^}]+)\}/g, (_m, n: string) => (names.push(n), "([^/]+)"))}$`,
          );
          const m = re.exec(path);
          return m
            ? {
                op: o,
                pathParams: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])),
                templated: names.length,
              }
            : undefined;
        })
        .filter((c) => c !== undefined)
        .sort((a, b) => a.templated - b.templated);
      return candidates[0];
    },
    validate(ptr, value) {
      let v = compiled.get(ptr);
      if (!v) {
        v = ajv.compile({ $ref: `spec${ptr}` });
        compiled.set(ptr, v);
      }
      return v(value) ? [] : [...(v.errors ?? [])];
    },
  };
}
