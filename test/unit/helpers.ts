import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../src/core/analyze';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

export function analyzeFixture(relative: string): Analysis {
  return analyze(fixture(relative));
}

/** The problems of an analysis as `line:column rule` strings, for compact assertions. */
export function problemKeys(analysis: Analysis): string[] {
  return analysis.problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.rule}`);
}
