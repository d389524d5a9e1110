import type { Problem, ProblemCategory, ProblemSeverity, SourceRange } from './types';

/** Collects the problems the parser finds, in the order found. */
export class Problems {
  readonly list: Problem[] = [];

  add(rule: string, category: ProblemCategory, severity: ProblemSeverity, message: string, range: SourceRange): void {
    this.list.push({ rule, category, severity, message, range });
  }
}
