// What the plugin's fix titles are priced at: where the VS Code extension sent its sizes and
// prices (aalp.assumptions, aalp.defaults.*, aalp.prices), those, overlaid with the file's own
// `@aalp` sizes and the user's defaults filled in, exactly as the extension's lenses price the
// site; elsewhere the core's default sizes.
import type * as ts from "typescript";
import { applyAnnotations, overlayAssumptions, parseAnnotations, type Advice, type AdviceSettings, type TS } from "../core";
import { withDefaultSizes } from "../extension/view/defaultSizes";
import type { PluginSettings } from "./settings";

export function fixSettingsFor(tsm: TS, settings: PluginSettings, sourceFile: ts.SourceFile, advice: Advice): AdviceSettings {
  const pricing = settings.pricing;
  if (!pricing) return settings.advice;
  const declared = applyAnnotations([], parseAnnotations(tsm, sourceFile)).assumptions;
  const { assume } = withDefaultSizes([advice.finding], overlayAssumptions(pricing.assumptions, declared), pricing.defaults);
  return { ...settings.advice, pricing: { assume, prices: pricing.prices } };
}
