// The `typescript` module with the members the engine reads on every node as plain constants.
// TypeScript's own module object (5.x and 6.x) exports each of its 2,000-odd members through a
// getter on an object too large for V8's fast properties: every `ts.isIdentifier(n)` is a
// dictionary lookup and a getter call. The engine makes millions of such reads in a report.
import type * as ts from "typescript";

type TS = typeof ts;

/**
 * An object whose prototype is `t` and which holds, as read-only own data properties, its type
 * tests (`isX`), its enums (`SyntaxKind`, `NodeFlags`…) and the few walkers the analysis calls per
 * node: under V8's limit of fast properties, so a read is a constant load. Every other member is
 * read from `t` through the prototype, as before.
 */
export function withFastMembers(t: TS): TS {
  const fast = Object.create(t) as TS;
  for (const name of Object.keys(t)) {
    if (!hot(t, name)) continue;
    Object.defineProperty(fast, name, { value: (t as unknown as Record<string, unknown>)[name], enumerable: true, writable: false, configurable: false });
  }
  return fast;
}

const WALKERS = new Set(["forEachChild", "getModifiers", "canHaveModifiers", "getCombinedModifierFlags", "getCombinedNodeFlags", "getLeadingCommentRanges", "getTrailingCommentRanges"]);

function hot(t: TS, name: string): boolean {
  const value = (t as unknown as Record<string, unknown>)[name];
  if (typeof value === "function") return /^is[A-Z]/.test(name) || WALKERS.has(name);
  // An enum: an object of numbers and names only (a function declaration or an enum is never
  // reassigned, so a copy of its value stays what the getter answers).
  return /^[A-Z]/.test(name) && isEnum(value);
}

function isEnum(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  for (const v of Object.values(value)) if (typeof v !== "number" && typeof v !== "string") return false;
  return true;
}
