// Windows over a history, counted iteration by iteration: a history that starts with some elements
// (a system message) and is pushed to in the one loop around a call, sent through a window
// (`h.slice(-W)`) or kept to one (`while (h.length > W) h.shift()`, `h.splice(k, h.length - W)`).
// The loop's pushes and trims are run on the elements' sizes, in the order the loop body makes
// them, until what the call sends is steady (a full window of pushed elements, the same each
// iteration from then on): the exact size at each iteration before that, and the steady one.
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import { SizePart } from "./sizeContext";
import { meanOf, type Size } from "./sizeValues";
import type { Write } from "./writes";

/** Past this many iterations without a steady window the run gives up (a window of hundreds of messages). */
const MAX_RUN = 256;

type WindowEvent = { readonly pos: number } & ({ readonly kind: "push"; readonly sizes: readonly Poly[] } | { readonly kind: "trim"; readonly keep: number; readonly cap: number } | { readonly kind: "site" });

/** What a window sends: steady from `filledAfter` on; `sizes[i]` at the i-th iteration before. */
export interface WindowRun {
  readonly steady: Poly;
  readonly filledAfter: number;
  readonly sizes: readonly Poly[];
}

interface Element {
  readonly size: Poly;
  readonly initial: boolean;
}

export class WindowRuns extends SizePart {
  /** `h.slice(-W)` at the site. */
  sliced(recv: ts.Expression, W: number, site: ts.Node): WindowRun | undefined {
    if (!(W >= 1)) return undefined;
    const x = this.constants.skipTrivia(recv);
    const decl = this.ts.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    const history = decl && this.history(decl, site);
    return history && this.run(history.initial, [...history.events, { kind: "site", pos: site.pos }], W);
  }

  /** The variable declared at `decl` as the site sends it, kept to a window by a trim in the loop. */
  trimmed(decl: ts.Node, site: ts.Node): WindowRun | undefined {
    const history = this.history(decl, site);
    if (!history || !history.events.some((e) => e.kind === "trim")) return undefined;
    return this.run(history.initial, [...history.events, { kind: "site", pos: site.pos }], undefined);
  }

  /**
   * `h[0]` of a history that starts with that element and is only appended to (or trimmed past
   * it): the element it started with (a pinned system message), not any element's size.
   */
  pinned(recv: ts.Expression, index: number, site: ts.Node): Size | undefined {
    const t = this.ts;
    const x = this.constants.skipTrivia(recv);
    const decl = t.isIdentifier(x) ? this.scopes.resolve(x) : undefined;
    if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer || !t.isIdentifier(decl.name)) return undefined;
    const init = this.constants.skipTrivia(decl.initializer);
    if (!t.isArrayLiteralExpression(init) || init.elements.slice(0, index + 1).some((el) => t.isSpreadElement(el)) || init.elements.length <= index) return undefined;
    for (const w of this.parts.writes.writesOf(decl, decl.name.text)) {
      const e = this.event(w, 1) ?? this.event(w, 2);
      if (!e || (e.kind === "trim" && e.keep <= index)) return undefined;
    }
    return this.parts.expressions.sizeOf(init.elements[index]!, site);
  }

  /**
   * The history's elements before the loop and the loop body's pushes and trims, or undefined for
   * any other shape: one loop (of a known count) between its declaration and the site, every
   * write in it unconditional, no write but pushes and window trims.
   */
  private history(decl: ts.Node, site: ts.Node): { initial: Poly[]; events: WindowEvent[] } | undefined {
    const t = this.ts;
    if (!t.isVariableDeclaration(decl) || !decl.initializer || !t.isIdentifier(decl.name)) return undefined;
    const init = this.constants.skipTrivia(decl.initializer);
    if (!t.isArrayLiteralExpression(init) || init.elements.some((el) => t.isSpreadElement(el))) return undefined;
    const declLoops = new Set(this.loops.around(decl).map((l) => l.node));
    const loops = this.loops.around(site).filter((l) => !declLoops.has(l.node));
    if (loops.length !== 1 || !loops[0]!.exact) return undefined;
    const loop = loops[0]!.node;
    const siteFn = this.loops.enclosingFunction(site);
    const events: WindowEvent[] = [];
    for (const w of this.parts.writes.writesOf(decl, decl.name.text)) {
      if (w.conditional || this.loops.enclosingFunction(w.node) !== siteFn) return undefined;
      // Innermost first: the loop around the site is the outermost (a trim's `while` may be inside it).
      const around = this.loops.around(w.node).filter((l) => !declLoops.has(l.node));
      if (around[around.length - 1]?.node !== loop) return undefined;
      const event = this.event(w, around.length);
      if (!event) return undefined;
      events.push(event);
    }
    if (!events.some((e) => e.kind === "push")) return undefined;
    return { initial: init.elements.map((el) => meanOf(this.parts.expressions.sizeOf(el, site))), events };
  }

  /** A push directly in the loop, or a trim (its own `while` may loop inside it). */
  private event(w: Write, depth: number): WindowEvent | undefined {
    const t = this.ts;
    if (w.kind === "grow") {
      // Appended: `h.push(x)` or `h = [...h, x]` (not `unshift`, nor a splice into the middle).
      const appends = t.isCallExpression(w.node) ? t.isPropertyAccessExpression(w.node.expression) && w.node.expression.name.text === "push" : t.isBinaryExpression(w.node) && t.isArrayLiteralExpression(this.constants.skipTrivia(w.node.right));
      return appends && w.delta && depth === 1 ? { kind: "push", pos: w.node.pos, sizes: w.delta.map((d) => meanOf(this.parts.expressions.sizeOf(d, w.node))) } : undefined;
    }
    if (w.kind !== "window" || w.cap === undefined || !(w.cap >= 1) || depth > 2) return undefined;
    const call = w.node;
    // `h.shift()` drops the first; `h.splice(k, …)` keeps the first k; `h = h.slice(-N)` keeps the last N.
    if (t.isCallExpression(call) && t.isPropertyAccessExpression(call.expression)) {
      const method = call.expression.name.text;
      if (method === "shift") return { kind: "trim", pos: call.pos, keep: 0, cap: w.cap };
      const keep = method === "splice" ? this.constants.number(call.arguments[0]) : undefined;
      return keep === undefined || !(keep >= 0 && keep < w.cap) ? undefined : { kind: "trim", pos: call.pos, keep, cap: w.cap };
    }
    // `h = h.slice(-N)` only: `h = [...h.slice(-N), x]` appends as well.
    return depth === 1 && t.isBinaryExpression(call) && t.isCallExpression(this.constants.skipTrivia(call.right)) ? { kind: "trim", pos: call.pos, keep: 0, cap: w.cap } : undefined;
  }

  /** Runs the loop body's events on element sizes until what the site sends is steady. */
  private run(initial: readonly Poly[], events: WindowEvent[], W: number | undefined): WindowRun | undefined {
    const ordered = [...events].sort((a, b) => a.pos - b.pos);
    let list: Element[] = initial.map((size) => ({ size, initial: true }));
    const sizes: Poly[] = [];
    for (let i = 0; i < MAX_RUN; i++) {
      for (const e of ordered) {
        if (e.kind === "push") list = [...list, ...e.sizes.map((size) => ({ size, initial: false }))];
        else if (e.kind === "trim") {
          if (list.length > e.cap) list = [...list.slice(0, e.keep), ...list.slice(list.length - (e.cap - e.keep))];
        } else {
          const sent = W === undefined ? list : list.slice(-W);
          const trim = ordered.find((x): x is Extract<WindowEvent, { kind: "trim" }> => x.kind === "trim");
          const keep = W === undefined ? trim?.keep ?? 0 : 0;
          const full = W === undefined ? trim !== undefined && sent.length >= trim.cap : sent.length === W;
          const size = Poly.sum(sent.map((el) => el.size));
          // Steady: full, and only pushed elements past the ones a trim keeps: the same from now on.
          if (full && sent.slice(keep).every((el) => !el.initial)) return { steady: size, filledAfter: i, sizes };
          sizes.push(size);
        }
      }
    }
    return undefined;
  }
}

/**
 * The window as a size's filling: what the steady size each time counts too many (or too few, when
 * the elements that started the history are larger) over the first iterations, in all and after
 * each number of them.
 */
export function fillingOfRun(run: WindowRun): Size["filling"] {
  if (run.filledAfter === 0) return undefined;
  const shortfall: Poly[] = [Poly.zero];
  for (const size of run.sizes) shortfall.push(shortfall[shortfall.length - 1]!.add(run.steady).add(size.scale(-1)).dropZeros());
  return { excess: shortfall[shortfall.length - 1]!, filledAfter: run.filledAfter, shortfall };
}
