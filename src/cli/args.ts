// Command-line parsing for `aalp`. Usage errors are thrown as UsageError (exit code 2).

export class UsageError extends Error {}

export type Format = "text" | "json";

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
}

export type Args = ReportArgs | { readonly command: "help" } | { readonly command: "version" };

export const USAGE = `Usage: aalp report [paths…] [options]

Prints, for every LLM call in the TypeScript/JavaScript files under the paths (default: .),
bounds on calls, input tokens, output tokens, generation cost and span, with the derivation.

Options:
  --format text|json      output format (default text)
  --out FILE              write the report to FILE instead of standard output
  --assume NAME=VALUE     a size or loop count for estimates, e.g. --assume turns=20 --assume '|q|=300'
  --catalog FILE          extra SDK catalog entries (JSON array, same shape as the built-in table)
  --wrapper NAME          a function or method of yours that sends an LLM request (repeatable)
  --project TSCONFIG      the tsconfig.json whose baseUrl/paths resolve imports (default: found from the paths)
  --types                 type-aware mode: build that tsconfig's program and resolve clients by their types
                          (DI containers, untyped fields, factories); slower, agrees with the default mode
  --quiet                 no progress or notes on standard error
  -h, --help              this help
  --version               the version

Exit codes: 0 done, 2 usage error. Files that cannot be read or parsed are listed and skipped.`;

const FORMATS: readonly Format[] = ["text", "json"];

export function parseArgs(argv: readonly string[]): Args {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) return { command: "help" };
  if (argv[0] === "--version") return { command: "version" };
  const [command, ...rest] = argv;
  if (command !== "report") throw new UsageError(`unknown command '${command}'`);
  const paths: string[] = [];
  let format: Format = "text";
  let out: string | undefined;
  let quiet = false;
  const assume: Record<string, number> = {};
  const catalogFiles: string[] = [];
  const wrappers: string[] = [];
  let project: string | undefined;
  let types = false;
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
      default:
        if (a.startsWith("-")) throw new UsageError(`unknown option '${a}'`);
        paths.push(a);
    }
  }
  return { command: "report", paths: paths.length ? paths : ["."], format, ...(out ? { out } : {}), quiet, assume, catalogFiles, wrappers, types, ...(project ? { project } : {}) };
}
