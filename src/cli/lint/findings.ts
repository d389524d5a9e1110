import type { Analysis } from '../../core/analyze';
import type { Problem, ProblemCategory, ProblemSeverity } from '../../core/model/types';

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
  category: ProblemCategory;
  severity: ProblemSeverity;
  message: string;
}

/** Something that reports problems for an analysed document. The rules engine plugs in here. */
export type FindingSource = (analysis: Analysis) => readonly Problem[];

/** The parser's own problems: the lint checks until the rules engine lands. */
export const modelProblems: FindingSource = (analysis) => analysis.problems;

export const DEFAULT_SOURCES: readonly FindingSource[] = [modelProblems];

/** All sources' problems for one file, as findings in source order (line, then column). */
export function findingsFor(file: string, analysis: Analysis, sources: readonly FindingSource[] = DEFAULT_SOURCES): LintFinding[] {
  return sources
    .flatMap((source) => source(analysis))
    .map((problem) => toFinding(file, problem))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn);
}

export function toFinding(file: string, problem: Problem): LintFinding {
  const { start, end } = problem.range;
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    rule: problem.rule,
    category: problem.category,
    severity: problem.severity,
    message: problem.message,
  };
}

/** Errors and warnings fail a lint run; information alone does not. */
export function failsLint(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}
