// A small reader of prisma/schema.prisma, enough to compare what the generated client expects with what the
// migrations built. Prisma's own differ needs the schema engine binary, which this machine cannot download.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface SchemaField {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  nativeType?: string;
  unique: boolean;
  id: boolean;
}

export interface SchemaModel {
  name: string;
  table: string;
  fields: SchemaField[];
  uniques: string[][];
  indexes: string[][];
  id: string[];
}

export interface ParsedSchema {
  models: SchemaModel[];
  enums: Record<string, string[]>;
}

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Float", "Decimal", "Bytes"]);

function columnsOf(attr: string): string[] {
  const inner = attr.match(/\[([^\]]*)\]/)?.[1] ?? "";
  return inner
    .split(",")
    .map((s) => s.trim().split("(")[0] ?? "")
    .filter(Boolean);
}

export function parsePrismaSchema(path = join(process.cwd(), "prisma", "schema.prisma")): ParsedSchema {
  const text = readFileSync(path, "utf8").replace(/\/\/.*$/gm, "");
  const models: SchemaModel[] = [];
  const enums: Record<string, string[]> = {};
  for (const m of text.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    enums[m[1]!] = m[2]!.split(/\s+/).filter(Boolean);
  }
  for (const m of text.matchAll(/model\s+(\w+)\s*\{([^}]*)\}/g)) {
    const model: SchemaModel = { name: m[1]!, table: m[1]!, fields: [], uniques: [], indexes: [], id: [] };
    for (const raw of m[2]!.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      if (line.startsWith("@@map")) model.table = line.match(/"([^"]+)"/)![1]!;
      else if (line.startsWith("@@unique")) model.uniques.push(columnsOf(line));
      else if (line.startsWith("@@index")) model.indexes.push(columnsOf(line));
      else if (line.startsWith("@@id")) model.id = columnsOf(line);
      else {
        const [name = "", typeToken = ""] = line.split(/\s+/);
        const base = typeToken.replace(/[?[\]]/g, "");
        if (!SCALARS.has(base) && !enums[base]) continue;
        model.fields.push({
          name,
          column: line.match(/@map\("([^"]+)"\)/)?.[1] ?? name,
          type: base,
          optional: typeToken.endsWith("?"),
          list: typeToken.endsWith("[]"),
          nativeType: line.match(/@db\.(\w+(\(\d+\))?)/)?.[1],
          unique: /@unique\b/.test(line),
          id: /@id\b/.test(line),
        });
      }
    }
    if (!model.id.length) model.id = model.fields.filter((f) => f.id).map((f) => f.name);
    models.push(model);
  }
  return { models, enums };
}

/** The PostgreSQL type Prisma's migrations give a field, as information_schema reports it. */
export function expectedPgType(field: SchemaField, enums: Record<string, string[]>): string {
  if (field.list) return "ARRAY";
  if (enums[field.type]) return "USER-DEFINED";
  if (field.nativeType === "Uuid") return "uuid";
  if (field.nativeType?.startsWith("Timestamptz")) return "timestamp with time zone";
  if (field.nativeType === "Date") return "date";
  const table: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    DateTime: "timestamp without time zone",
    Json: "jsonb",
    Float: "double precision",
    Decimal: "numeric",
    Bytes: "bytea",
  };
  return table[field.type]!;
}
