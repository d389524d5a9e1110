import type { Analysis } from '../../core/analyze';
import { DEFAULT_CONFIG } from '../../core/config/defaults';
import type { PostmortemConfig } from '../../core/config/types';
import type { SourceRange } from '../../core/model/types';
import { lint } from '../../core/rules/lint';
import type { FindingSeverity } from '../../core/rules/types';

/**
 * One lint finding as the CLI prints it. The JSON output is an array of exactly these keys, in this
 * order (other tools consume it): 1-based lines and columns, `endColumn` just past the last character.
 */
export interface LintFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  /** The rule's category: blameless, remediation, timeline or structure. */
  category: string;
  severity: FindingSeverity;
  message: string;
}

/** What a finding source reports: a rule-engine `Finding` or a parser `Problem` both fit. */
export interface SourceItem {
  rule: string;
  category: string;
  severity: FindingSeverity;
  message: string;
  range: SourceRange;
}

/** Something that reports findings for an analysed document under a configuration. */
export type FindingSource = (analysis: Analysis, config: Readonly<PostmortemConfig>) => readonly SourceItem[];

/**
 * The rules engine: every enabled rule plus the parser's own problems (which `lint()` passes through
 * under their ids, with configured severities and inline controls applied), so the parser problems
 * are not a source of their own: they would be reported twice.
 */
export const rulesEngine: FindingSource = (analysis, config) => lint(analysis, config);

export const DEFAULT_SOURCES: readonly FindingSource[] = [rulesEngine];

/** All sources' findings for one file, in source order (line, then column). */
export function findingsFor(
  file: string,
  analysis: Analysis,
  sources: readonly FindingSource[] = DEFAULT_SOURCES,
  config: Readonly<PostmortemConfig> = DEFAULT_CONFIG,
): LintFinding[] {
  return sources
    .flatMap((source) => source(analysis, config))
    .map((item) => toFinding(file, item))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn);
}

export function toFinding(file: string, item: SourceItem): LintFinding {
  const { start, end } = item.range;
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    rule: item.rule,
    category: item.category,
    severity: item.severity,
    message: item.message,
  };
}

export interface LintCounts {
  errors: number;
  warnings: number;
}

export function countFindings(findings: readonly LintFinding[]): LintCounts {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

/**
 * Whether a lint run fails. Errors always do. Warnings do unless `--max-warnings N` is given; then only
 * more than N of them do (ESLint's semantics). Information never does.
 */
export function failsLint(findings: readonly LintFinding[], maxWarnings?: number): boolean {
  const { errors, warnings } = countFindings(findings);
  if (errors > 0) return true;
  return maxWarnings === undefined ? warnings > 0 : warnings > maxWarnings;
}
