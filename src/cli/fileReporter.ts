// One file's report sites: the engine's Project (cross-file summaries, cached) analyses it, the
// report model prices it and, when it has sites, advises on it. The same code runs on the main
// thread and in each worker; its setup is plain data so that it can be sent to one.
import * as path from "node:path";
import * as ts from "typescript";
import { DEFAULT_ADVICE_SETTINGS, Project, fixOutcomes, sitesOfFile, type FileSites, type SdkEntry, type SiteOptions } from "../core";
import { applyAnnotations, parseAnnotations } from "../core/annotations";
import { overlayAssumptions } from "../core/report/estimate";
import { nodeHost, pathMapping, programOf } from "./projectHost";

export interface ReporterSetup {
  readonly catalog: SdkEntry[];
  readonly wrappers: string[];
  readonly configFile: string | undefined;
  /** The tsconfig was given with --project (its errors are usage errors). */
  readonly explicitProject: boolean;
  readonly types: boolean;
  /** Reported paths are relative to this folder. */
  readonly cwd: string;
  readonly siteOptions: SiteOptions;
  /** Price each site's quick fixes (text, markdown and HTML show the savings; JSON and SARIF do not need them). */
  readonly priceFixes: boolean;
}

export type FileReporter = (file: string) => FileSites;

export function fileReporter(setup: ReporterSetup): FileReporter {
  const host = nodeHost();
  const program = setup.types ? programOf(setup.configFile) : undefined;
  const project = new Project(ts, host, { catalog: setup.catalog, wrappers: setup.wrappers, ...pathMapping(setup.configFile, setup.explicitProject), ...(program ? { program } : {}) });
  const display = (f: string): string => path.relative(setup.cwd, f).split(path.sep).join("/");
  return (file) => {
    const analysis = project.analyze(file);
    const text = analysis.findings.length ? host.readFile(file) : undefined;
    if (text === undefined) return sitesOfFile(analysis, display(file), setup.siteOptions);
    // The file's `// @aalp` comments, as in the editor: ignored sites leave the report, bounds
    // apply, and the file's own sizes win over --assume for its sites.
    const annotated = applyAnnotations(analysis.findings, parseAnnotations(text));
    const outcomes = fixOutcomes(annotated.findings, { ts, fileName: file, text, settings: DEFAULT_ADVICE_SETTINGS, fixes: setup.priceFixes, ...(analysis.sourceFile ? { sourceFile: analysis.sourceFile } : {}) });
    const options = { ...setup.siteOptions, assume: overlayAssumptions(setup.siteOptions.assume, annotated.assumptions) };
    return sitesOfFile({ ...analysis, findings: annotated.findings }, display(file), options, outcomes);
  };
}
