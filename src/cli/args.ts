// Command-line parsing for `aalp` by node:util's parseArgs; one table of options gives both the
// parser's configuration and the usage text. Usage errors are thrown as UsageError (exit code 2).
import { parseArgs as parseArgv, type ParseArgsConfig } from "node:util";
import { FAIL_ON, nameTable, type FailOn } from "../core";

export class UsageError extends Error {}

export type Format = "text" | "json" | "markdown" | "sarif" | "html";

export interface ReportArgs {
  readonly command: "report";
  readonly paths: string[];
  readonly format: Format;
  readonly out?: string;
  readonly quiet: boolean;
  /** Sizes by symbol (a null-prototype table: symbols come from user code). */
  readonly assume: Record<string, number>;
  readonly catalogFiles: string[];
  readonly wrappers: string[];
  /** The tsconfig.json whose baseUrl/paths resolve imports (default: the first one found above the paths). */
  readonly project?: string;
  /** Type-aware mode: build the tsconfig's program and resolve clients by type. */
  readonly types: boolean;
  readonly include: string[];
  readonly exclude: string[];
  /** The symbol projections scale (default: each site's loop count of highest degree). */
  readonly scale?: string;
  /** A JSON report of an earlier run to gate against. */
  readonly baseline?: string;
  readonly failOn: FailOn[];
  /** With a gate: files skipped for a reason other than unreadable or not source are listed, not failures. */
  readonly allowSkipped: boolean;
  /** Worker threads; "auto" decides by the number of files. */
  readonly workers: number | "auto";
  /** Price each site's quick fixes (apply and re-analyse them); on for text, markdown and html. */
  readonly fixes: boolean;
  /** Let sites in tests and fixtures fail the --fail-on gate too. */
  readonly includeTests: boolean;
  /** Milliseconds of analysis one file may take before it is skipped. */
  readonly fileBudgetMs: number;
  /** Milliseconds the whole run (file walk included) may take; the files not reached are skipped. */
  readonly runBudgetMs?: number;
  /** A folder of per-file results kept between runs (created when missing). */
  readonly cache?: string;
}

export type Args = ReportArgs | { readonly command: "help" } | { readonly command: "version" };

interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value's placeholder in the usage text. */
  readonly value?: string;
  readonly help: string;
}

export const DEFAULT_FILE_BUDGET_S = 20;

/** Every option, in the order the usage text lists them. */
const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { type: "string", value: "FORMAT", help: "text (default), json, markdown (PR comments, job summaries),\nsarif (GitHub code scanning) or html (a self-contained page)" },
  out: { type: "string", value: "FILE", help: "write the report to FILE instead of standard output" },
  assume: { type: "string", multiple: true, value: "NAME=VALUE", help: "a size or loop count for estimates, e.g. --assume turns=20 --assume '|q|=300'" },
  scale: { type: "string", value: "SYMBOL", help: "the symbol the cost projections scale (default: each site's main loop count)" },
  baseline: { type: "string", value: "FILE", help: "a JSON report of an earlier run: compare each site's bounds with it" },
  "fail-on": { type: "string", multiple: true, value: "RULES", help: "exit 1 when a site's class grows (increase), a quadratic-or-worse site\nappears (new-quadratic) or an unbounded one does (unbounded); comma-separated\nor repeated; default with --baseline: increase. A file skipped for any reason but\nbeing unreadable or not source (a syntax error, a time budget…) also fails it" },
  "allow-skipped": { type: "boolean", help: "with --fail-on: list and count skipped files, but do not fail the gate for them" },
  "include-tests": { type: "boolean", help: "let sites in tests and fixtures (test/, __tests__/, fixtures/, *.test.ts,\n*.spec.ts) fail the gate too; they are always reported, marked as test code" },
  include: { type: "string", multiple: true, value: "GLOB", help: "report only files matching (relative to the current directory; repeatable)" },
  exclude: { type: "string", multiple: true, value: "GLOB", help: "skip files and folders matching (repeatable); .gitignore files and\nnode_modules are always skipped" },
  catalog: { type: "string", multiple: true, value: "FILE", help: "extra SDK catalog entries (JSON array, same shape as the built-in table;\nschema: schema/catalog.schema.json in the package)" },
  wrapper: { type: "string", multiple: true, value: "NAME", help: "a function or method of yours that sends an LLM request (repeatable)" },
  project: { type: "string", value: "TSCONFIG", help: "the tsconfig.json whose baseUrl/paths resolve imports (default: found from the paths)" },
  types: { type: "boolean", help: "type-aware mode: build that tsconfig's program and resolve clients by their types\n(DI containers, untyped fields, factories); slower, agrees with the default mode" },
  workers: { type: "string", value: "N|auto", help: "worker threads for the analysis (default auto: by the number of files; 0: none;\nat most the machine's cores)" },
  fixes: { type: "boolean", help: "price every site's quick fixes in json and sarif too (text, markdown and html\nalways do; it applies and re-analyses each fix, which takes time)" },
  "file-budget": { type: "string", value: "SECONDS", help: `analysis time one file may take before it is skipped (default ${DEFAULT_FILE_BUDGET_S})` },
  cache: { type: "string", value: "DIR", help: "keep each file's result in DIR and reuse it while the file and the modules\nit imports that reach an LLM are unchanged (created when missing; may be\nshared by concurrent runs; not used with --types)" },
  "run-budget": { type: "string", value: "SECONDS", help: "time the whole run may take, file walk included (default: none); the files\nnot reached are skipped" },
  quiet: { type: "boolean", help: "no progress or notes on standard error (warnings still show)" },
  help: { type: "boolean", short: "h", help: "this help" },
  version: { type: "boolean", help: "the version" },
};

function usage(): string {
  const rows = Object.entries(OPTIONS).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ""}--${name}${o.value ? ` ${o.value}` : ""}`;
    const [first, ...more] = o.help.split("\n");
    return [`  ${flag.padEnd(22)}  ${first}`, ...more.map((l) => `${" ".repeat(26)}${l}`)].join("\n");
  });
  return `Usage: aalp report [options] [--] [paths…]

Prints, for every LLM call in the TypeScript/JavaScript files under the paths (default: .),
bounds on calls, input tokens, output tokens, generation cost and span, with the derivation.
Options take their value as the next argument or after \`=\` (--assume=|q|=300); \`--\` ends
the options. Boolean options take =true or =false.

Options:
${rows.join("\n")}

Exit codes: 0 done, 1 the --fail-on gate failed, 2 usage error (a bad option, glob, catalog or
baseline), 3 the run failed (e.g. --out cannot be written). Files that cannot be read or parsed
are listed and skipped.`;
}

export const USAGE = usage();

const FORMATS: readonly Format[] = ["text", "json", "markdown", "sarif", "html"];
const BOOLEAN_VALUES: ReadonlyMap<string, boolean> = new Map([["true", true], ["false", false]]);

/**
 * Normalises argv for parseArgs: a string option's next argument is its value even when it starts
 * with `-` (`--out -h` writes a file named -h, as getopt does); `--flag=true|false` sets a boolean.
 * Returns the arguments and the booleans given with a value.
 */
function normalise(argv: readonly string[]): { args: string[]; booleans: Map<string, boolean> } {
  const args: string[] = [];
  const booleans = new Map<string, boolean>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.push(...argv.slice(i));
      break;
    }
    if (!a.startsWith("--")) {
      args.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const spec = Object.hasOwn(OPTIONS, name) ? OPTIONS[name]! : undefined;
    if (spec?.type === "string" && eq < 0) {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      args.push(`--${name}=${argv[++i]}`);
    } else if (spec?.type === "boolean" && eq >= 0) {
      const v = BOOLEAN_VALUES.get(a.slice(eq + 1));
      if (v === undefined) throw new UsageError(`--${name} takes true or false, got '${a.slice(eq + 1)}'`);
      booleans.set(name, v);
    } else args.push(a);
  }
  return { args, booleans };
}

/** A number of seconds as milliseconds. */
function seconds(option: string, v: string): number {
  const n = /^\d{1,9}(?:\.\d{1,6})?$/.test(v) ? Number(v) : NaN;
  if (!(n > 0)) throw new UsageError(`--${option} takes a positive number of seconds, got '${v}'`);
  return Math.round(n * 1000);
}

function assumption(v: string, into: Record<string, number>): void {
  const eq = v.lastIndexOf("=");
  const name = v.slice(0, eq).trim();
  const value = v.slice(eq + 1).trim();
  const n = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (eq <= 0 || !name || !Number.isFinite(n)) throw new UsageError(`--assume takes NAME=NUMBER, got '${v}'`);
  into[name] = n;
}

export function parseArgs(argv: readonly string[]): Args {
  const { args, booleans } = normalise(argv);
  let parsed: ReturnType<typeof parseArgv>;
  try {
    parsed = parseArgv({ args, options: OPTIONS as ParseArgsConfig["options"], allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/\. To specify a positional argument.*$/s, "") : String(err));
  }
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const flag = (name: string): boolean => booleans.get(name) ?? v[name] === true;
  const str = (name: string): string | undefined => v[name] as string | undefined;
  const list = (name: string): string[] => (v[name] as string[] | undefined) ?? [];
  if (flag("help")) return { command: "help" };
  if (flag("version")) return { command: "version" };
  const [command, ...paths] = parsed.positionals;
  if (command === undefined) return { command: "help" };
  if (command !== "report") throw new UsageError(`unknown command '${command}'`);

  const format = str("format") ?? "text";
  if (!FORMATS.includes(format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const out = str("out");
  if (out !== undefined && out.trim() === "") throw new UsageError("--out needs a file name (it was empty)");
  const assume = nameTable<number>();
  for (const a of list("assume")) assumption(a, assume);
  const failOn = new Set<FailOn>();
  for (const r of list("fail-on").flatMap((s) => s.split(",")).map((s) => s.trim())) {
    if (!FAIL_ON.includes(r as FailOn)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(", ")}; got '${r}'`);
    failOn.add(r as FailOn);
  }
  const workersText = str("workers") ?? "auto";
  if (workersText !== "auto" && !/^\d{1,6}$/.test(workersText)) throw new UsageError(`--workers takes a number or auto, got '${workersText}'`);
  const baseline = str("baseline");
  const project = str("project");
  const scale = str("scale");
  const runBudget = str("run-budget");
  const cache = str("cache");
  for (const [name, value] of [["baseline", baseline], ["project", project], ["scale", scale], ["cache", cache]] as const) {
    if (value !== undefined && value.trim() === "") throw new UsageError(`--${name} needs a value (it was empty)`);
  }
  if (baseline && failOn.size === 0) failOn.add("increase");
  if (failOn.has("increase") && !baseline) throw new UsageError("--fail-on increase needs --baseline FILE");
  return {
    command: "report",
    paths: paths.length ? paths : ["."],
    format: format as Format,
    ...(out !== undefined ? { out } : {}),
    quiet: flag("quiet"),
    assume,
    catalogFiles: list("catalog"),
    wrappers: list("wrapper"),
    types: flag("types"),
    ...(project ? { project } : {}),
    include: list("include"),
    exclude: list("exclude"),
    ...(scale ? { scale } : {}),
    ...(baseline ? { baseline } : {}),
    failOn: FAIL_ON.filter((r) => failOn.has(r)),
    allowSkipped: flag("allow-skipped"),
    includeTests: flag("include-tests"),
    workers: workersText === "auto" ? "auto" : Number(workersText),
    fixes: flag("fixes") || format === "text" || format === "markdown" || format === "html",
    fileBudgetMs: seconds("file-budget", str("file-budget") ?? String(DEFAULT_FILE_BUDGET_S)),
    ...(runBudget !== undefined ? { runBudgetMs: seconds("run-budget", runBudget) } : {}),
    ...(cache !== undefined ? { cache } : {}),
  };
}
