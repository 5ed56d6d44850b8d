// Text a client makes from what it was given and keeps in its history (a LlamaIndex context-aware agent's retrieved context).
import type * as ts from "typescript";
import { Poly } from "../algebra/poly";
import type { TS } from "../binder/scopes";
import type { SymbolTable } from "../symbols";
import { lineRef } from "../lineRefs";
import type { Size } from "./sizeValues";

/**
 * The size of the text `maker` (a retriever) produces for each request: a size of its own, `|retrieved[retriever]|`,
 * named by the binding or field that holds it (`this.retriever` → `retriever`), never by the code's text at large.
 */
export function keptSize(t: TS, symbols: SymbolTable, maker: ts.Expression, line: number): Size {
  const e = t.isParenthesizedExpression(maker) ? maker.expression : maker;
  const named = t.isIdentifier(e) ? e.text : t.isPropertyAccessExpression(e) ? e.name.text : "retriever";
  const symbol = symbols.define({ name: `|retrieved[${named.slice(0, 40)}]|`, kind: "size", line, origin: `the text ${named} retrieves for the message at line ${lineRef(line)}` });
  return {
    poly: Poly.symbol(symbol),
    tight: true,
    growth: "none",
    fromOutput: false,
    fromRewrite: false,
    notes: [`the text the agent retrieves for each message (${symbol}) is sent with it and kept in its system message: every later message sends it again`],
  };
}
