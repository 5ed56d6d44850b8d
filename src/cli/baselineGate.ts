// `--baseline FILE --fail-on …`: read the earlier JSON report and name every site that fails.
import { baselineSites, gate, type BaselineSite, type FailOn, type ReportModel, type Violation } from "../core";
import { UsageError } from "./args";
import { readBaselineFile } from "./jsonInput";

function readBaseline(file: string): BaselineSite[] {
  const parsed = readBaselineFile(file);
  try {
    return baselineSites(parsed);
  } catch (err) {
    throw new UsageError(`baseline ${file} is ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The violations, read before the analysis so that a bad baseline is a usage error at once. */
export function baselineGate(file: string | undefined, failOn: readonly FailOn[], includeTests = false): (model: ReportModel) => Violation[] {
  const baseline = file === undefined ? undefined : readBaseline(file);
  return (model) => (failOn.length ? gate(model, baseline, failOn, { includeTests }) : []);
}

export function gateMessage(violations: readonly Violation[]): string {
  const lines = violations.map((v) => `aalp: ${v.message}`);
  return `${lines.join("\n")}\naalp: ${violations.length} site${violations.length === 1 ? "" : "s"} failed --fail-on\n`;
}
