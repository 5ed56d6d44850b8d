// Command-line parsing for `aalp`. Usage errors are thrown as UsageError (exit code 2).
import { FAIL_ON, nameTable, type FailOn } from "../core";

export class UsageError extends Error {}

export type Format = "text" | "json" | "markdown" | "sarif" | "html";

export interface ReportArgs {
  readonly command: "report";
  readonly paths: string[];
  readonly format: Format;
  readonly out?: string;
  readonly quiet: boolean;
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
  /** Worker threads; "auto" decides by the number of files. */
  readonly workers: number | "auto";
  /** Price each site's quick fixes (apply and re-analyse them); on for text, markdown and html. */
  readonly fixes: boolean;
  /** Let sites in tests and fixtures fail the --fail-on gate too. */
  readonly includeTests: boolean;
}

export type Args = ReportArgs | { readonly command: "help" } | { readonly command: "version" };

export const USAGE = `Usage: aalp report [paths…] [options]

Prints, for every LLM call in the TypeScript/JavaScript files under the paths (default: .),
bounds on calls, input tokens, output tokens, generation cost and span, with the derivation.

Options:
  --format FORMAT         text (default), json, markdown (PR comments, job summaries),
                          sarif (GitHub code scanning) or html (a self-contained page)
  --out FILE              write the report to FILE instead of standard output
  --assume NAME=VALUE     a size or loop count for estimates, e.g. --assume turns=20 --assume '|q|=300'
  --scale SYMBOL          the symbol the cost projections scale (default: each site's main loop count)
  --baseline FILE         a JSON report of an earlier run: compare each site's bounds with it
  --fail-on RULES         exit 1 when a site's class grows (increase), a quadratic-or-worse site
                          appears (new-quadratic) or an unbounded one does (unbounded); comma-separated
                          or repeated; default with --baseline: increase
  --include-tests         let sites in tests and fixtures (test/, __tests__/, fixtures/, *.test.ts,
                          *.spec.ts) fail the gate too; they are always reported, marked as test code
  --include GLOB          report only files matching (relative to the current directory; repeatable)
  --exclude GLOB          skip files and folders matching (repeatable); .gitignore files and
                          node_modules are always skipped
  --catalog FILE          extra SDK catalog entries (JSON array, same shape as the built-in table)
  --wrapper NAME          a function or method of yours that sends an LLM request (repeatable)
  --project TSCONFIG      the tsconfig.json whose baseUrl/paths resolve imports (default: found from the paths)
  --types                 type-aware mode: build that tsconfig's program and resolve clients by their types
                          (DI containers, untyped fields, factories); slower, agrees with the default mode
  --workers N|auto        worker threads for the analysis (default auto: by the number of files; 0: none)
  --fixes                 price every site's quick fixes in json and sarif too (text, markdown and html
                          always do; it applies and re-analyses each fix, which takes time)
  --quiet                 no progress or notes on standard error
  -h, --help              this help
  --version               the version

Exit codes: 0 done, 1 the --fail-on gate failed, 2 usage error, 3 the run failed (e.g. --out
cannot be written). Files that cannot be read or
parsed are listed and skipped.`;

const FORMATS: readonly Format[] = ["text", "json", "markdown", "sarif", "html"];

export function parseArgs(argv: readonly string[]): Args {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) return { command: "help" };
  if (argv[0] === "--version") return { command: "version" };
  const [command, ...rest] = argv;
  if (command !== "report") throw new UsageError(`unknown command '${command}'`);
  const paths: string[] = [];
  let format: Format = "text";
  let out: string | undefined;
  let quiet = false;
  const assume = nameTable<number>();
  const catalogFiles: string[] = [];
  const wrappers: string[] = [];
  let project: string | undefined;
  let types = false;
  let fixes = false;
  let includeTests = false;
  const include: string[] = [];
  const exclude: string[] = [];
  let scale: string | undefined;
  let baseline: string | undefined;
  const failOn = new Set<FailOn>();
  let workers: number | "auto" = "auto";
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const [flag, inline] = a.startsWith("--") && a.includes("=") && !a.startsWith("--assume=|") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--format": {
        const v = value();
        if (!FORMATS.includes(v as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
        format = v as Format;
        break;
      }
      case "--out":
        out = value();
        break;
      case "--quiet":
        quiet = true;
        break;
      case "--assume": {
        const v = value();
        const m = /^(.+)=(\d+(?:\.\d+)?)$/.exec(v);
        if (!m) throw new UsageError(`--assume takes NAME=NUMBER, got '${v}'`);
        assume[m[1]!] = Number(m[2]);
        break;
      }
      case "--catalog":
        catalogFiles.push(value());
        break;
      case "--wrapper":
        wrappers.push(value());
        break;
      case "--project":
        project = value();
        break;
      case "--types":
        types = true;
        break;
      case "--include-tests":
        includeTests = true;
        break;
      case "--fixes":
        fixes = true;
        break;
      case "--include":
        include.push(value());
        break;
      case "--exclude":
        exclude.push(value());
        break;
      case "--scale":
        scale = value();
        break;
      case "--baseline":
        baseline = value();
        break;
      case "--fail-on":
        for (const r of value().split(",").map((s) => s.trim())) {
          if (!FAIL_ON.includes(r as FailOn)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(", ")}; got '${r}'`);
          failOn.add(r as FailOn);
        }
        break;
      case "--workers": {
        const v = value();
        if (v !== "auto" && !/^\d+$/.test(v)) throw new UsageError(`--workers takes a number or auto, got '${v}'`);
        workers = v === "auto" ? "auto" : Number(v);
        break;
      }
      default:
        if (a.startsWith("-")) throw new UsageError(`unknown option '${a}'`);
        paths.push(a);
    }
  }
  if (baseline && failOn.size === 0) failOn.add("increase");
  if (failOn.has("increase") && !baseline) throw new UsageError("--fail-on increase needs --baseline FILE");
  return {
    command: "report",
    paths: paths.length ? paths : ["."],
    format,
    ...(out ? { out } : {}),
    quiet,
    assume,
    catalogFiles,
    wrappers,
    types,
    ...(project ? { project } : {}),
    include,
    exclude,
    ...(scale ? { scale } : {}),
    ...(baseline ? { baseline } : {}),
    failOn: FAIL_ON.filter((r) => failOn.has(r)),
    workers,
    fixes: fixes || format === "text" || format === "markdown" || format === "html",
    includeTests,
  };
}
