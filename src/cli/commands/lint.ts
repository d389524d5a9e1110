import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Analysis, AnalyzeOptions } from '../../core/analyze';
import { analyzeOptionsOf, DEFAULT_CONFIG } from '../../core/config/defaults';
import { findConfig, type FoundConfig } from '../../core/config/discover';
import { configFormatOf, parseConfigText, type ConfigProblem } from '../../core/config/load';
import { resolveConfig } from '../../core/config/merge';
import type { PostmortemConfig } from '../../core/config/types';
import { repositoryDocsBase } from '../../core/rules/docs-base';
import { fixAll, lint } from '../../core/rules/lint';
import { writeFileSafely } from '../../core/format/write-file';
import packageJson from '../../../package.json';
import { CliError, EXIT, readText, useColor, type CliIo } from '../io';
import { postmortemFiles } from '../lint/files';
import { DEFAULT_SOURCES, failsLint, findingsFor, type FindingSource, type LintFinding } from '../lint/findings';
import { formatJson, formatStylish, LINT_FORMATS, type LintFormat } from '../lint/formatters';
import { formatSarif, type SarifTool } from '../lint/sarif';

export interface LintArgs {
  paths: string[];
  format?: string;
  /** A configuration file to use for every file instead of the nearest `.postmortemrc`. */
  config?: string;
  /** `--max-warnings N`, as given. */
  maxWarnings?: string;
  /** Apply every mechanical fix and write the files back, then report what is left. */
  fix?: boolean;
}

type Analyze = (text: string, options?: AnalyzeOptions) => Analysis;

/**
 * `postmortem lint PATH... [--format stylish|json|sarif] [--config FILE] [--max-warnings N] [--fix]`:
 * the editor's rules and configuration (the nearest `.postmortemrc` above each file; no editor
 * settings). 0 when clean (information alone is clean), 1 when an error or (more than N) warnings were
 * found, 2 for bad usage, an unreadable path or an invalid configuration file (the others are still linted).
 */
export async function lintCommand(args: LintArgs, io: CliIo, analyze: Analyze, sources: readonly FindingSource[] = DEFAULT_SOURCES): Promise<number> {
  const format = (args.format ?? 'stylish') as LintFormat;
  if (!LINT_FORMATS.includes(format)) throw new CliError(`unknown lint output format "${args.format}" (use ${LINT_FORMATS.join(', ')})`);
  const maxWarnings = parseMaxWarnings(args.maxWarnings);
  const configs = new ConfigLoader(io, args.config);
  if (args.config !== undefined) await configs.explicit();
  const files = await postmortemFiles(args.paths, io.cwd);
  if (files.length === 0) throw new CliError(`no *.postmortem.md files found in ${args.paths.join(', ')}`);

  const findings: LintFinding[] = [];
  const printed = new Set<string>();
  let unreadable = false;
  for (const file of files) {
    let analysis: Analysis;
    let config: PostmortemConfig;
    try {
      const text = await readText(file, io.cwd);
      config = await configs.forFile(path.resolve(io.cwd, file));
      analysis = args.fix ? await fixFile(file, text, config, io, analyze) : analyze(text, analyzeOptionsOf(config));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      if (!printed.has(error.message)) io.err(`postmortem: ${error.message}\n`);
      printed.add(error.message);
      unreadable = true;
      continue;
    }
    findings.push(...findingsFor(file, analysis, sources, config));
  }

  if (format === 'json') io.out(formatJson(findings));
  else if (format === 'sarif') io.out(formatSarif(findings, sarifTool(), io.cwd));
  else io.out(formatStylish(findings, useColor(io)));
  return unreadable ? EXIT.usage : failsLint(findings, maxWarnings) ? EXIT.problems : EXIT.ok;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CliError(`--max-warnings takes a whole number of warnings, got "${value}"`);
  return Number(value.trim());
}

/** The tool's identity; links to the project and the rule docs only when package.json names a repository. */
function sarifTool(): SarifTool {
  const docsBase = repositoryDocsBase((packageJson as { repository?: unknown }).repository);
  return { name: 'postmortem', version: packageJson.version, informationUri: docsBase?.replace(/blob\/HEAD\/$/, ''), docsBase };
}

/**
 * `--fix`: every mechanical fix to a fixed point, written back through the safe writer (byte-order mark
 * kept). Returns the analysis of the fixed text, which the last pass has already made.
 */
async function fixFile(file: string, text: string, config: PostmortemConfig, io: CliIo, analyze: Analyze): Promise<Analysis> {
  let last: Analysis | undefined;
  const fixed = fixAll(text, (current) => {
    last = analyze(current, analyzeOptionsOf(config));
    return lint(last, config);
  });
  const analysis = last && last.text === fixed ? last : analyze(fixed, analyzeOptionsOf(config));
  if (fixed === text) return analysis;
  const target = path.resolve(io.cwd, file);
  const bom = (await fs.readFile(target).catch(() => Buffer.alloc(0))).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const result = await writeFileSafely(target, (bom ? '\ufeff' : '') + fixed, { force: true });
  if (!result.ok) throw new CliError(`cannot write ${file}: ${result.message}`);
  return analysis;
}

/** Finds, reads and caches the configuration of each folder; reports a configuration file's problems once. */
class ConfigLoader {
  private readonly byDirectory = new Map<string, Promise<PostmortemConfig>>();
  private explicitConfig: PostmortemConfig | undefined;

  constructor(
    private readonly io: CliIo,
    private readonly explicitFile: string | undefined,
  ) {}

  /** `--config FILE`: read once; a missing or invalid file is bad usage. */
  async explicit(): Promise<void> {
    const file = this.explicitFile!;
    const text = await readText(file, this.io.cwd);
    const loaded = parseConfigText(text, configFormatOf(file));
    this.report(file, loaded.problems);
    this.explicitConfig = resolveConfig({ file: loaded.config });
  }

  forFile(absoluteFile: string): Promise<PostmortemConfig> {
    if (this.explicitConfig) return Promise.resolve(this.explicitConfig);
    const directory = path.dirname(absoluteFile);
    let config = this.byDirectory.get(directory);
    if (!config) {
      config = this.discover(directory);
      this.byDirectory.set(directory, config);
    }
    return config;
  }

  private async discover(directory: string): Promise<PostmortemConfig> {
    const found: FoundConfig | undefined = await findConfig(directory, { read: (file) => this.readIfExists(file) });
    if (!found) return DEFAULT_CONFIG as PostmortemConfig;
    this.report(this.display(found.file), found.problems);
    return resolveConfig({ file: found.config });
  }

  private async readIfExists(file: string): Promise<string | undefined> {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return undefined;
    } catch {
      return undefined;
    }
    return readText(this.display(file), this.io.cwd);
  }

  private display(file: string): string {
    const relative = path.relative(this.io.cwd, file);
    return relative === '' || relative.startsWith('..') ? file : relative;
  }

  private readonly reported = new Set<string>();

  /** Errors in a configuration file stop the file from being used (exit 2); warnings are printed once. */
  private report(file: string, problems: readonly ConfigProblem[]): void {
    if (this.reported.has(file)) return;
    this.reported.add(file);
    const error = problems.find((problem) => problem.severity === 'error');
    if (error) throw new CliError(`invalid configuration in ${file}${error.path ? ` at ${error.path}` : ''}: ${error.message}`);
    for (const warning of problems) this.io.err(`postmortem: warning: ${file}${warning.path ? ` at ${warning.path}` : ''}: ${warning.message}\n`);
  }
}
