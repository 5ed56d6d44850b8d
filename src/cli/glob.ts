// --include/--exclude globs: git's wildmatch syntax (wildmatch.ts) with `{a,b}` alternatives.
// A pattern that matches nothing by mistake is a PatternError, which the CLI reports as a usage
// error naming the option.
import { compilePattern, expandBraces, PatternError, type Pattern } from "./wildmatch";

/** Longer globs are refused: no path is that long, and brace expansion recurses on them. */
const MAX_GLOB_LENGTH = 4096;

export class GlobSet {
  private readonly anchored: Pattern[] = [];
  private readonly named: Pattern[] = [];

  /** Throws PatternError naming the pattern for an invalid one. */
  constructor(readonly patterns: readonly string[]) {
    for (const p of patterns) {
      try {
        if (p.length > MAX_GLOB_LENGTH) throw new PatternError(`it is longer than ${MAX_GLOB_LENGTH} characters`);
        if (p.trim() === "") throw new PatternError("it is empty");
        for (const alternative of expandBraces(p)) {
          // A `/` other than a trailing one (`./vendor`, `src/*.ts`) anchors the pattern at the start.
          const trimmed = alternative.replace(/\/+$/, "");
          (trimmed.includes("/") ? this.anchored : this.named).push(compilePattern(trimmed.replace(/^\.?\//, ""), true));
        }
      } catch (err) {
        if (err instanceof PatternError) throw new PatternError(`'${p}' is not a valid glob: ${err.message}`);
        throw err;
      }
    }
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  /** Whether `relPath` (`/`-separated) or one of its directories matches a pattern. */
  matches(relPath: string): boolean {
    const parts = relPath.split("/");
    let prefix = "";
    for (let n = 0; n < parts.length; n++) {
      prefix = n === 0 ? parts[0]! : `${prefix}/${parts[n]}`;
      if (this.anchored.some((r) => r.matches(prefix)) || this.named.some((r) => r.matches(parts[n]!))) return true;
    }
    return false;
  }
}
