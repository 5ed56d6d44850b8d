// The JSON files the CLI reads (--catalog, --baseline), checked against the JSON Schemas shipped in
// the package (schema/), by ajv: a bad entry is a usage error naming the file, the entry's index and
// the field, instead of switching the analysis (and so the gate) off or crashing the run.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import * as fs from "node:fs";
import baselineSchema from "../../schema/baseline.schema.json";
import catalogSchema from "../../schema/catalog.schema.json";
import { showControls } from "../core";
import { UsageError } from "./args";

const ajv = new Ajv({ allErrors: false, strict: true });
const validators = new Map<string, ValidateFunction>();
function validator(schema: { $id: string }): ValidateFunction {
  let v = validators.get(schema.$id);
  if (!v) validators.set(schema.$id, (v = ajv.compile(schema)));
  return v;
}

/** `/3/clients/0/methods/1/prompt` → `clients[0].methods[1].prompt`, with the missing or extra key. */
function fieldOf(segments: readonly string[], e: ErrorObject): string {
  const extra = e.keyword === "required" ? (e.params as { missingProperty: string }).missingProperty : e.keyword === "additionalProperties" ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
  const parts = extra === undefined ? segments : [...segments, extra];
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function readJson(kind: string, file: string): unknown {
  try {
    if (!fs.statSync(file).isFile()) throw new Error("not a regular file");
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(`cannot read ${kind} ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function check(kind: string, file: string, data: unknown, schema: { $id: string }, entriesAt: readonly string[]): void {
  const validate = validator(schema);
  if (validate(data)) return;
  const e = validate.errors![0]!;
  const segments = e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const inEntry = entriesAt.every((s, i) => segments[i] === s) && segments.length > entriesAt.length;
  const field = fieldOf(inEntry ? segments.slice(entriesAt.length + 1) : segments, e);
  const where = [...(inEntry ? [`entry ${segments[entriesAt.length]}`] : []), ...(field ? [`field ${field}`] : [])].join(", ") || "the file";
  const allowed = e.keyword === "enum" || e.keyword === "const" ? ` ${JSON.stringify(e.params)}` : "";
  throw new UsageError(showControls(`${kind} ${file}: ${where}: ${e.message ?? e.keyword}${allowed}`));
}

/** The entries of a --catalog file's parsed JSON, or a UsageError naming the file, entry and field. */
export function checkCatalog<T>(file: string, data: unknown): T[] {
  if (!Array.isArray(data)) throw new UsageError(`catalog ${file}: must be a JSON array of SDK entries`);
  check("catalog", file, data, catalogSchema, []);
  return data as T[];
}

/** A --baseline report's parsed JSON, or a UsageError naming the file, finding and field. */
export function checkBaseline(file: string, data: unknown): unknown {
  check("baseline", file, data, baselineSchema, ["findings"]);
  return data;
}

export const readCatalogFile = <T>(file: string): T[] => checkCatalog<T>(file, readJson("catalog", file));
export const readBaselineFile = (file: string): unknown => checkBaseline(file, readJson("baseline", file));
