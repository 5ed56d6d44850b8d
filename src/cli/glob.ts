// Glob patterns as regular expressions, for --include/--exclude and .gitignore lines: `*` and `?`
// within a path segment, `**` across segments, `{a,b}` alternatives, `[…]` classes. A pattern with
// no `/` matches a name in any directory; a path matches when it or one of its directories does.

export function globToRegExp(glob: string): RegExp {
  let src = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slashAfter = glob[i + 2] === "/";
        const atStart = i === 0 || glob[i - 1] === "/";
        i += slashAfter ? 2 : 1;
        // `**/` is zero or more directories; a trailing `**` is anything below.
        src += atStart && slashAfter ? "(?:[^/]*/)*" : ".*";
      } else src += "[^/]*";
    } else if (c === "?") src += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) src += "\\[";
      else {
        src += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "{") {
      braces++;
      src += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      src += ")";
    } else if (c === "," && braces > 0) src += "|";
    else if (c === "\\" && i + 1 < glob.length) src += escapeChar(glob[++i]!);
    else src += escapeChar(c);
  }
  return new RegExp(`^${src}$`);
}

function escapeChar(c: string): string {
  return /[.+^${}()|[\]\\*?]/.test(c) ? `\\${c}` : c;
}

export class GlobSet {
  private readonly anchored: RegExp[] = [];
  private readonly named: RegExp[] = [];

  constructor(readonly patterns: readonly string[]) {
    for (const p of patterns) {
      // A `/` other than a trailing one (`./vendor`, `src/*.ts`) anchors the pattern at the start.
      const trimmed = p.replace(/\/+$/, "");
      (trimmed.includes("/") ? this.anchored : this.named).push(globToRegExp(trimmed.replace(/^\.?\//, "")));
    }
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  /** Whether `relPath` (`/`-separated) or one of its directories matches a pattern. */
  matches(relPath: string): boolean {
    const parts = relPath.split("/");
    for (let n = parts.length; n >= 1; n--) {
      const prefix = parts.slice(0, n).join("/");
      if (this.anchored.some((r) => r.test(prefix)) || this.named.some((r) => r.test(parts[n - 1]!))) return true;
    }
    return false;
  }
}
