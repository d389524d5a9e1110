import type { Analysis, AnalyzeOptions } from '../../core/analyze';
import { CliError, EXIT, readText, useColor, type CliIo } from '../io';
import { DEFAULT_SOURCES, failsLint, findingsFor, type FindingSource, type LintFinding } from '../lint/findings';
import { postmortemFiles } from '../lint/files';
import { formatJson, formatStylish, LINT_FORMATS, type LintFormat } from '../lint/formatters';

export interface LintArgs {
  paths: string[];
  format?: string;
}

/**
 * `postmortem lint PATH... [--format stylish|json]`: 0 when clean (information alone is clean),
 * 1 when an error or warning was found, 2 when a path could not be read (the others are still linted).
 */
export async function lintCommand(
  args: LintArgs,
  io: CliIo,
  analyze: (text: string, options?: AnalyzeOptions) => Analysis,
  sources: readonly FindingSource[] = DEFAULT_SOURCES,
): Promise<number> {
  const format = (args.format ?? 'stylish') as LintFormat;
  if (!LINT_FORMATS.includes(format)) throw new CliError(`unknown lint output format "${args.format}" (use stylish or json)`);
  const files = await postmortemFiles(args.paths, io.cwd);
  if (files.length === 0) throw new CliError(`no *.postmortem.md files found in ${args.paths.join(', ')}`);

  const findings: LintFinding[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readText(file, io.cwd);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.err(`postmortem: ${error.message}\n`);
      unreadable = true;
      continue;
    }
    findings.push(...findingsFor(file, analyze(text), sources));
  }

  io.out(format === 'json' ? formatJson(findings) : formatStylish(findings, useColor(io)));
  return unreadable ? EXIT.usage : failsLint(findings) ? EXIT.problems : EXIT.ok;
}
