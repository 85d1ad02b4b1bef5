import type { ErrorObject } from "ajv";
import { pointer, type LoadedSpec, type SpecParam } from "./openapi-spec";
import type { Exchange } from "./recording-proxy";

/* Checks one recorded exchange against the spec: the request side and the response side. */

export type Observed = `${string} ${string}`;

/*
 * Deliberate deviations from the spec's request schemas: phone numbers are sent as strings everywhere (v7
 * requires it), although v6 create still types two of them as integer/number.
 */
const DELIBERATE = [/^\/resellerInfo\/phoneNumber$/, /^\/lines\/\d+\/endUserInfo\/\d+\/phoneNumber$/];
const deliberate = (e: ErrorObject) => e.keyword === "type" && DELIBERATE.some((re) => re.test(e.instancePath));

const fmt = (where: string, errs: ErrorObject[]) => errs.map((e) => `${where}${e.instancePath} ${e.message}`);

function coerce(schema: Record<string, unknown>, raw: string): unknown {
  if (schema.type === "integer" || schema.type === "number") return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema.type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

export function requestProblems(spec: LoadedSpec, ex: Exchange): string[] {
  const found = spec.find(ex.method, ex.path);
  const at = `${ex.method} ${ex.path}`;
  if (!found) return [`${at}: no such operation in the spec`];
  const { op, pathParams } = found;
  const problems: string[] = [];
  const paramPointer = (i: number) =>
    pointer("paths", op.template, op.method.toLowerCase(), "parameters", String(i), "schema");
  const declared = new Set<string>();
  op.params.forEach((p: SpecParam, i: number) => {
    if (p.in === "path") {
      problems.push(...fmt(`${at} path ${p.name}`, spec.validate(paramPointer(i), pathParams[p.name])));
    } else if (p.in === "header") {
      const v = ex.headers[p.name.toLowerCase()];
      if (v === undefined) {
        if (p.required) problems.push(`${at}: missing header ${p.name}`);
      } else problems.push(...fmt(`${at} header ${p.name}`, spec.validate(paramPointer(i), v)));
    } else if (p.in === "query") {
      declared.add(p.name);
      const values = ex.query.filter(([k]) => k === p.name).map(([, v]) => v);
      if (!values.length) return;
      if (p.schema.type === "array") {
        const items = (p.schema.items ?? {}) as Record<string, unknown>;
        problems.push(
          ...fmt(
            `${at} query ${p.name}`,
            spec.validate(
              paramPointer(i),
              values.map((v) => coerce(items, v)),
            ),
          ),
        );
      } else if (values.length > 1) problems.push(`${at}: query ${p.name} repeated`);
      else problems.push(...fmt(`${at} query ${p.name}`, spec.validate(paramPointer(i), coerce(p.schema, values[0]!))));
    }
  });
  for (const [k] of ex.query) if (!declared.has(k)) problems.push(`${at}: undeclared query parameter ${k}`);
  if (!/^Bearer \S+$/.test(ex.headers.authorization ?? "")) problems.push(`${at}: no bearer token`);
  if (!/^[0-9a-f]{32}$/.test(ex.headers["im-correlationid"] ?? ""))
    problems.push(`${at}: correlation id is not 32 hex chars`);

  const body = op.operation.requestBody?.content?.["application/json"];
  if (body) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(ex.body);
    } catch {
      return [...problems, `${at}: request body is not JSON`];
    }
    const ptr = pointer(
      "paths",
      op.template,
      op.method.toLowerCase(),
      "requestBody",
      "content",
      "application/json",
      "schema",
    );
    problems.push(
      ...fmt(
        `${at} body`,
        spec.validate(ptr, parsed).filter((e) => !deliberate(e)),
      ),
    );
    if (JSON.stringify(parsed).includes("{}") && ex.body !== "{}") problems.push(`${at}: empty nested object sent`);
  } else if (ex.body !== "") problems.push(`${at}: unexpected request body`);
  return problems;
}

export function responseProblems(spec: LoadedSpec, ex: Exchange): string[] {
  const found = spec.find(ex.method, ex.path);
  const at = `${ex.method} ${ex.path} → ${ex.response.status}`;
  if (!found) return [`${at}: no such operation in the spec`];
  const { op } = found;
  const status = String(ex.response.status);
  const documented = op.operation.responses?.[status];
  const text = ex.response.body.trim();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      return [`${at}: response body is not JSON`];
    }
  }
  if (!documented) {
    // Undocumented statuses for this path (e.g. 404 on details, 401 anywhere) use the API-wide error body.
    if (ex.response.status < 400) return [`${at}: undocumented success status`];
    return text
      ? fmt(`${at} (ErrorResponse)`, spec.validate(pointer("components", "schemas", "ErrorResponse"), body))
      : [];
  }
  const content = documented.content?.["application/json"];
  if (!content) {
    // Documented without a body means none, a 401 included (PUT documents its 401 and 404 bodiless).
    return text ? [`${at}: the spec documents no body, got one`] : [];
  }
  if (!text || body === null) {
    const allowsNull = Object.values((content.examples ?? {}) as Record<string, { value?: unknown }>).some(
      (e) => e.value === null,
    );
    return allowsNull ? [] : [`${at}: empty body where the spec documents one`];
  }
  const ptr = pointer(
    "paths",
    op.template,
    op.method.toLowerCase(),
    "responses",
    status,
    "content",
    "application/json",
    "schema",
  );
  return fmt(at, spec.validate(ptr, body));
}
