// A file's catalog imports by the text scan alone: whether they can be a source of requests.
import { mayBeCatalogValue } from "../analysis/catalogExports";
import { moduleMatches, type SdkEntry } from "../catalog/sdks";
import type { ImportedNames } from "./modulePaths";

/**
 * Whether a file's `mentions` of catalog modules (see catalogMentions) are all imports of names no
 * request can come from, by the text scan of its imports: then none of its catalog imports is a
 * source (FileAnalyzer.hasLlmSources), and the project need not parse it for them. A mention the
 * scan does not account for (a require, a re-export, an endpoint, a comment) leaves it undecided: false.
 */
export function onlyInertCatalogImports(imports: readonly ImportedNames[], catalog: readonly SdkEntry[], mentions: number): boolean {
  let inert = 0;
  for (const i of imports) {
    if (!catalog.some((e) => e.modules.some((m) => moduleMatches(m, i.specifier)))) continue;
    if (i.names === "*" || i.defaultType) return false;
    if ([...i.names, ...(i.types ?? [])].some((n) => mayBeCatalogValue(catalog, i.specifier, n))) return false;
    inert++;
  }
  return inert === mentions;
}
