// Function summaries: the LLM cost of one invocation of a function, in the sizes of its
// parameters. A call site applies a summary by substituting its arguments' sizes, so a wrapper
// `ask(messages)` called in a loop with a growing history costs what the history makes it cost.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import type { Counts, GrowthFact } from "../model";
import type { SymbolInfo } from "../symbols";
import type { DispatchGuard } from "./dispatchGuard";
import type { HandedField } from "./callSite";
import type { Growth } from "./sizeValues";

export interface SummaryParam {
  readonly name: string;
  /** A collection parameter: `|p|` is its length and `|p[]|` one element's size. */
  readonly array: boolean;
  /** `...rest`: every remaining argument. */
  readonly rest: boolean;
  /** Names bound by a destructuring pattern (`{ messages, model }`), sized from the argument's properties. */
  readonly fields: readonly string[];
  /** `turns = 10`: the default's size and count, used when a call leaves the argument out; `value`: a number's own (negative too). */
  readonly defaultValue?: { readonly size: Poly; readonly count: Poly; readonly value?: number };
  /** An object passed by reference and grown inside (`history.push(…)`): elements and tokens added per invocation. */
  readonly grows?: { readonly count: Poly; readonly size: Poly };
  /**
   * An id its requests chain to state kept on the server (`previous_response_id: prev`, or a field of
   * a destructured parameter: `{ previousResponseID }`): why the state grows, for a caller's loop.
   */
  readonly chains?: { readonly source: string; readonly field?: string };
}

/** The cost of one invocation of a function. */
export interface SummaryPolys {
  readonly calls: Poly;
  readonly input: Poly;
  readonly output: Poly;
  /** The size of what the function returns (one answer). */
  readonly result: Poly;
  readonly generation: Poly;
  readonly span: Poly;
}

export interface Summary extends SummaryPolys {
  /** What a chain the server keeps gains over one invocation, when its requests chain by a parameter (`SummaryParam.chains`) in a turn loop of its own. */
  readonly chainGrowth?: Poly;
  /**
   * A chain its requests move on through a variable of the module (`prev = r.id` into a module's
   * `let prev`): the state outlives the invocation, and every loop of a caller moves it on.
   */
  readonly movesChain?: string;
  /** `ask`, `Assistant.ask`. */
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly params: readonly SummaryParam[];
  /** Θ for the input and generation; `callsTight` for the number of calls alone. */
  readonly tight: boolean;
  readonly callsTight: boolean;
  readonly growth: Growth;
  readonly sdk: string;
  readonly api: string;
  readonly model: string | null;
  /** Every symbol the polynomials use, so a caller in another file can print and trace them. */
  readonly symbols: readonly SymbolInfo[];
  readonly explanation: readonly string[];
  /** What its sites' prompts grow across its invocations (facts with no loops: a field, a captured variable), at lines of its file; a caller in that file carries them. */
  readonly facts?: readonly GrowthFact[];
  /** Exact counts per invocation (see CostBounds.counts), where its sites worked them out. */
  readonly counts?: Counts;
  /** Notes every caller's derivation repeats (a closure run by the helper it is passed to), from this function and its callees. */
  readonly carried?: readonly string[];
  /** Fields of `this` its requests are handed as their state, which a caller's loop may grow (SiteBounds.handedFields). */
  readonly handedFields?: readonly HandedField[];
  /** A recursion's budget: the parameter whose value its caller gives is how many levels run (`f(MAX)`), so a call outside a loop is a site too. */
  readonly budget?: string;
  /** The budget is a counter's start the levels count up from (`cap − turn`): a caller gives its exact value or none. */
  readonly countsUp?: true;
  /** Set when the cost cannot be bounded (a recursion of no recognised shape): why. */
  readonly unknown?: string;
  /** Every request is made under a test of a parameter's property (`message.type === K`): a call handing another constant makes none. */
  readonly dispatch?: DispatchGuard;
  /** The calls its requests are sent from (its own sites, and their callees' sites), by file and 1-based line. */
  readonly reaches?: readonly { readonly file: string; readonly line: number }[];
}

/** How many call locations a summary keeps in `reaches` (a deep chain of wrappers stops adding). */
export const MAX_REACHES = 64;

/** A function-like declaration's parameters, as a summary describes them. */
export function summaryParams(t: typeof ts, fn: ts.SignatureDeclaration, isArrayType: (type: ts.TypeNode) => boolean, defaultOf: (p: ts.ParameterDeclaration) => SummaryParam["defaultValue"], growthOf: (p: ts.ParameterDeclaration) => SummaryParam["grows"]): SummaryParam[] {
  return fn.parameters.map((p) => {
    const defaultValue = p.initializer ? defaultOf(p) : undefined;
    const grows = growthOf(p);
    return {
      name: t.isIdentifier(p.name) ? p.name.text : "",
      array: !!p.type && isArrayType(p.type),
      rest: !!p.dotDotDotToken,
      fields: t.isObjectBindingPattern(p.name) ? p.name.elements.flatMap((e) => (t.isIdentifier(e.name) ? [e.name.text] : [])) : [],
      ...(defaultValue ? { defaultValue } : {}),
      ...(grows ? { grows } : {}),
    };
  });
}

/** Replaces each symbol of `values` in `p`. */
export function substitute(p: Poly, values: ReadonlyMap<string, Poly>): Poly {
  let out = p;
  for (const [name, value] of values) if (out.degreeIn(name) > 0) out = out.subst(name, value);
  return out;
}

/** A data-decided loop's count (`T[poll]`) is qualified by its file when it crosses into another (`llm.ts:T[poll]`): function names repeat across files. */
export function qualifiedSymbol(name: string, file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return /^T\[[^\]]*\]$/.test(name) ? `${base}:${name}` : name;
}

export function renameSymbols(p: Poly, file: string): Poly {
  return p.symbols().some((n) => qualifiedSymbol(n, file) !== n) ? p.rename((n) => qualifiedSymbol(n, file)) : p;
}
