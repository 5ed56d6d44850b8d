// Which names a catalog module exports that provenance can follow to a request: a function the
// catalog lists (or one whose callback it hands a client), a client's class or ready-made instance, the default export. Any other name
// imported from it (`BaseMessage`, `z`, a type) never becomes a client or a call: langchainjs's
// files import such names from @langchain/core by the dozen.
import { exportMatches, moduleMatches, type SdkEntry } from "../catalog/sdks";

const namesOf = new WeakMap<SdkEntry, { readonly exact: ReadonlySet<string>; readonly patterns: readonly string[] }>();

function names(entry: SdkEntry): { readonly exact: ReadonlySet<string>; readonly patterns: readonly string[] } {
  let n = namesOf.get(entry);
  if (!n) {
    const exact = new Set<string>(["default"]);
    const patterns: string[] = [];
    for (const f of entry.functions ?? []) exact.add(f.api);
    for (const c of entry.callbacks ?? []) exact.add(c.function);
    for (const c of entry.clients ?? []) {
      for (const i of c.instances ?? []) exact.add(i);
      for (const p of c.classes ?? []) {
        if (p.includes("*")) patterns.push(p);
        else exact.add(p);
      }
    }
    namesOf.set(entry, (n = { exact, patterns }));
  }
  return n;
}

/** Whether `name` imported from `specifier` may be a catalog function, client class or instance (of any entry the specifier matches). */
export function mayBeCatalogValue(catalog: readonly SdkEntry[], specifier: string, name: string): boolean {
  return catalog.some((e) => {
    if (!e.modules.some((m) => moduleMatches(m, specifier))) return false;
    const n = names(e);
    return n.exact.has(name) || n.patterns.some((p) => exportMatches(p, name));
  });
}
