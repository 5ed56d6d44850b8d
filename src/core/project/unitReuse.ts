// Which top-level statements of an edited file keep their findings. Within the file, a statement's
// analysis reads other statements in two ways: through names it uses that they declare (a client,
// a helper whose summary it takes, a constant, a type, a JSDoc typedef), and through a module-level
// name whose every reference the analysis read (the pushes to a shared history). So a statement
// whose text is unchanged keeps its findings (renumbered if it moved: see incrementalAdvice)
// unless it uses a name a changed statement declares, or shares with one a name whose references
// were read — transitively. Names are compared as text, so shadowing only makes this more
// cautious. (A change can also come back through another module that imports this one: the caller
// analyses a file in an import cycle whole.) Everything here is plain data: an edit's incremental
// parse reuses and moves the old tree's nodes, so nothing may hold on to them.
import type * as ts from "typescript";
import type { TS } from "../binder/scopes";
import { betweenTokens, blankChange, type BlankChange } from "./blankLines";

export interface Unit {
  /** The statement's text with its leading comments (where `@aalp` comments live). */
  readonly text: string;
  readonly fullStart: number;
  /** 0-based line and character of `fullStart`, and 0-based line of its end. */
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  /** Module-level names it declares (variables, functions, classes, types, imports). */
  readonly declares: readonly string[];
  /** Every identifier in it but property names after a dot. */
  readonly names: ReadonlySet<string>;
  /** `declare global` or a module augmentation: it can change any type, so any change re-analyses all. */
  readonly global: boolean;
}

export interface FileUnits {
  readonly units: readonly Unit[];
  /** The text after the last statement (trailing comments), and its 0-based line. */
  readonly tail: string;
  readonly tailLine: number;
}

/** A file's top-level statements, and for each the statement of the previous version with its text. */
export interface EditedUnits {
  readonly file: FileUnits;
  /**
   * Per statement, the index of the previous version's statement with the same text (see
   * sameTextIn), or with the same tokens but for blank lines (see `blank`).
   */
  readonly same: readonly (number | undefined)[];
  /** Per statement matched by its tokens only: the blank lines the edit added to or removed from it. */
  readonly blank: readonly (BlankChange | undefined)[];
}

/** The file's top-level statements; names are read again only for texts `previous` does not have. */
export function unitsOf(t: TS, sf: ts.SourceFile, previous?: FileUnits): EditedUnits {
  const placed = sf.statements.map((s) => ({ text: sf.text.slice(s.pos, s.end), ...sf.getLineAndCharacterOfPosition(s.pos) }));
  const same: (number | undefined)[] = previous ? sameTextIn(previous.units, placed) : placed.map(() => undefined);
  const blank: (BlankChange | undefined)[] = placed.map(() => undefined);
  // An edited statement whose old version sits in the same place: the same tokens but for blank lines?
  if (previous) {
    for (const [i, j] of unmatchedPairs(same, previous.units.length)) {
      const change = blankChange(previous.units[j]!.text, placed[i]!.text);
      if (!change || !betweenTokens(t, sf, sf.statements[i]!, sf.statements[i]!.pos + change.at)) continue;
      same[i] = j;
      blank[i] = change;
    }
  }
  const units = sf.statements.map((s, i): Unit => {
    const { text, line, character } = placed[i]!;
    const j = same[i];
    if (j !== undefined) {
      const u = previous!.units[j]!;
      return { text, fullStart: s.pos, line, character, endLine: line + u.endLine - u.line + (blank[i]?.lines ?? 0), declares: u.declares, names: u.names, global: u.global };
    }
    return { text, fullStart: s.pos, line, character, endLine: sf.getLineAndCharacterOfPosition(s.end).line, declares: declaredNames(t, s, text), names: namesIn(t, s, text), global: t.isModuleDeclaration(s) && (t.isStringLiteral(s.name) || s.name.text === "global") };
  });
  const tailStart = sf.statements.length ? sf.statements[sf.statements.length - 1]!.end : 0;
  return { file: { units, tail: sf.text.slice(tailStart), tailLine: sf.getLineAndCharacterOfPosition(tailStart).line }, same, blank };
}

/**
 * The unmatched statements that stand where unmatched previous ones stood: between the same two
 * matched neighbours, as many on each side (an edit inside one statement leaves one of each).
 */
function unmatchedPairs(same: readonly (number | undefined)[], previousCount: number): [number, number][] {
  const used = new Set(same.filter((j) => j !== undefined));
  const out: [number, number][] = [];
  let lastJ = -1;
  for (let i = 0; i < same.length; ) {
    if (same[i] !== undefined) {
      lastJ = same[i]!;
      i++;
      continue;
    }
    let end = i;
    while (end < same.length && same[end] === undefined) end++;
    const nextJ = end < same.length ? same[end]! : previousCount;
    if (nextJ - lastJ - 1 === end - i) for (let k = 0; k < end - i; k++) if (!used.has(lastJ + 1 + k)) out.push([i + k, lastJ + 1 + k]);
    i = end;
  }
  return out;
}

/**
 * For each statement of `next`, the statement of `previous` with the same text, each used once.
 * An edit leaves the statements before and after it as they were: those are matched in order,
 * comparing texts, which is cheap. Texts are hashed only for the statements between, where a
 * paste or a move may have put them anywhere: each takes the one on its line, else the first.
 */
export function sameTextIn(previous: readonly Pick<Unit, "text" | "line">[], next: readonly Pick<Unit, "text" | "line">[]): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(next.length).fill(undefined);
  let head = 0;
  while (head < next.length && head < previous.length && previous[head]!.text === next[head]!.text) out[head] = head++;
  let tail = 0;
  while (tail < next.length - head && tail < previous.length - head && previous[previous.length - 1 - tail]!.text === next[next.length - 1 - tail]!.text) {
    out[next.length - 1 - tail] = previous.length - 1 - tail;
    tail++;
  }
  const byText = new Map<string, number[]>();
  for (let j = head; j < previous.length - tail; j++) {
    const list = byText.get(previous[j]!.text);
    if (list) list.push(j);
    else byText.set(previous[j]!.text, [j]);
  }
  const used = new Set<number>();
  for (let i = head; i < next.length - tail; i++) {
    const candidates = byText.get(next[i]!.text);
    if (!candidates) continue;
    let pick: number | undefined;
    for (const j of candidates) {
      if (used.has(j)) continue;
      pick ??= j;
      if (previous[j]!.line === next[i]!.line) {
        pick = j;
        break;
      }
    }
    if (pick === undefined) continue;
    used.add(pick);
    out[i] = pick;
  }
  return out;
}

/** What an edit leaves reusable: for each new statement, the previous statement whose findings it keeps. */
export interface ReusePlan {
  /** New statement index → previous statement index, for the statements that keep their findings. */
  readonly reused: ReadonlyMap<number, number>;
  /** Adds the module-level names the new analysis read in full; true when more statements must be analysed. */
  widen(scanned: ReadonlySet<string>): boolean;
  /** Analyses these statements after all (their findings could not be kept), and what they reach. */
  exclude(statements: Iterable<number>): void;
}

/**
 * Undefined when the whole file must be analysed again. `edited`: unitsOf the new version against
 * `previous`. With `moves`, a statement on other lines than before is kept too.
 */
export function planReuse(previous: FileUnits, edited: EditedUnits, scannedBefore: ReadonlySet<string>, moves: boolean): ReusePlan | undefined {
  const { file: next, same } = edited;
  const matched = new Set<number>();
  const reused = new Map<number, number>();
  const dirty: Unit[] = [];
  next.units.forEach((u, i) => {
    const j = same[i];
    if (j !== undefined) matched.add(j);
    // Same text starting at the same column: its findings' columns hold, their offsets shift (and their lines, when it moved).
    const prev = j === undefined ? undefined : previous.units[j]!;
    if (prev && (moves || (prev.line === u.line && !edited.blank[i])) && (prev.character === u.character || /^[^\S\r\n]*\r?\n/.test(u.text))) reused.set(i, j!);
    else dirty.push(u);
  });
  dirty.push(...previous.units.filter((_, j) => !matched.has(j)));
  // Statements that changed places (a paste over two functions, a checkout) change what comes
  // first, which the analysis reads (a write before a call), and the order lines print in.
  let last = -1;
  for (const j of reused.values()) {
    if (j < last) return undefined;
    last = j;
  }
  // Annotations hold for the whole file, and an augmentation can change any type.
  if (dirty.some((u) => u.global || u.text.includes("@aalp"))) return undefined;
  // An annotation's line is in the findings it bounds: one after the last statement must stay put.
  if ((previous.tail !== next.tail || previous.tailLine !== next.tailLine) && (previous.tail.includes("@aalp") || next.tail.includes("@aalp"))) return undefined;

  const declared = new Set<string>();
  const touched = new Set<string>();
  const scanned = new Set(scannedBefore);
  const markDirty = (u: Unit): void => {
    for (const n of u.declares) declared.add(n);
    for (const n of u.names) touched.add(n);
  };
  dirty.forEach(markDirty);
  const propagate = (): boolean => {
    let grew = false;
    for (let changed = true; changed; ) {
      changed = false;
      for (const [i] of reused) {
        const u = next.units[i]!;
        if (!reaches(u.names, declared, scanned, touched)) continue;
        reused.delete(i);
        markDirty(u);
        changed = grew = true;
      }
    }
    return grew;
  };
  propagate();
  return {
    reused,
    widen(more) {
      const before = scanned.size;
      for (const n of more) scanned.add(n);
      return scanned.size > before && propagate();
    },
    exclude(statements) {
      let any = false;
      for (const i of statements) {
        if (!reused.delete(i)) continue;
        markDirty(next.units[i]!);
        any = true;
      }
      if (any) propagate();
    },
  };
}

/** Whether a statement using `names` reads a changed declaration or a fully scanned name a changed statement touches. */
function reaches(names: ReadonlySet<string>, declared: ReadonlySet<string>, scanned: ReadonlySet<string>, touched: ReadonlySet<string>): boolean {
  for (const n of names) if (declared.has(n) || (scanned.has(n) && touched.has(n))) return true;
  return false;
}

function declaredNames(t: TS, s: ts.Statement, text: string): string[] {
  const out: string[] = [];
  const binding = (name: ts.BindingName): void => {
    if (t.isIdentifier(name)) out.push(name.text);
    else for (const el of name.elements) if (!t.isOmittedExpression(el)) binding(el.name);
  };
  // JSDoc types (a JavaScript file's, in type-aware mode): `@typedef {…} Client`, `@callback Ask`.
  for (const m of text.matchAll(/@(?:typedef|callback)\s+(?:\{[^}]*\}\s*)?([A-Za-z_$][\w$]*)/g)) out.push(m[1]!);
  // `var` in a block or loop at the top level is a module-level name too.
  const hoisted = (n: ts.Node): void => {
    if (t.isFunctionLike(n) || t.isClassLike(n)) return;
    if (t.isVariableDeclarationList(n) && !(n.flags & (t.NodeFlags.Let | t.NodeFlags.Const | t.NodeFlags.Using))) for (const d of n.declarations) binding(d.name);
    t.forEachChild(n, hoisted);
  };
  if (!t.isVariableStatement(s)) t.forEachChild(s, hoisted);
  if (t.isVariableStatement(s)) for (const d of s.declarationList.declarations) binding(d.name);
  else if ((t.isFunctionDeclaration(s) || t.isClassDeclaration(s) || t.isInterfaceDeclaration(s) || t.isTypeAliasDeclaration(s) || t.isEnumDeclaration(s)) && s.name) out.push(s.name.text);
  else if (t.isModuleDeclaration(s) && t.isIdentifier(s.name)) out.push(s.name.text);
  else if (t.isImportEqualsDeclaration(s)) out.push(s.name.text);
  else if (t.isImportDeclaration(s) && s.importClause) {
    const c = s.importClause;
    if (c.name) out.push(c.name.text);
    const b = c.namedBindings;
    if (b && t.isNamespaceImport(b)) out.push(b.name.text);
    else if (b) for (const el of b.elements) out.push(el.name.text);
  }
  return out;
}

function namesIn(t: TS, s: ts.Statement, text: string): Set<string> {
  const out = new Set<string>();
  // Names in JSDoc comments (`@param {Client} c`), which the syntax tree's children skip.
  for (const doc of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) for (const w of doc[0].matchAll(/[A-Za-z_$][\w$]*/g)) out.add(w[0]);
  const visit = (n: ts.Node): void => {
    if (t.isIdentifier(n)) out.add(n.text);
    else if (t.isPropertyAccessExpression(n)) visit(n.expression);
    else t.forEachChild(n, visit);
  };
  visit(s);
  return out;
}
