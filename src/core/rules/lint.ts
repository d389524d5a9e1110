import type { Analysis } from '../analyze';
import { DEFAULT_CONFIG } from '../config/defaults';
import type { PostmortemConfig } from '../config/types';
import type { ProblemCategory } from '../model/types';
import { PhraseMatcher } from './phrases';
import { extractProse } from './prose';
import { RULES } from './registry';
import { SubjectFinder } from './subject';
import { readControls, Suppressions } from './suppress';
import type { Finding, Report, RuleCategory, RuleContext } from './types';

const PROBLEM_CATEGORY: Record<ProblemCategory, RuleCategory> = {
  document: 'structure',
  'front-matter': 'structure',
  structure: 'structure',
  timeline: 'timeline',
  milestones: 'timeline',
  'action-items': 'remediation',
};

/**
 * Lints one analysed document: every enabled rule, plus the parser's own problems (under their ids,
 * with severities the configuration may change or turn off), minus what inline controls suppress.
 * Findings are sorted by position. Pure: no I/O, no `vscode`.
 */
export function lint(analysis: Analysis, config: Readonly<PostmortemConfig> = DEFAULT_CONFIG): Finding[] {
  const { text, lines } = analysis;
  const findings: Finding[] = [];
  const prose = extractProse(analysis, config);
  const allowed = allowedIntervals(text, config.allow);
  const subjects = new SubjectFinder(analysis.model.metadata.participants);

  for (const rule of RULES) {
    const severity = config.rules[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const report = (item: Report): void => {
      const finding: Finding = { rule: rule.id, category: rule.category, severity, message: item.message, range: lines.range(item.start, item.end) };
      if (item.phrase !== undefined) finding.phrase = item.phrase;
      if (item.fix) {
        finding.fix = {
          range: lines.range(item.fix.start, item.fix.end),
          original: text.slice(item.fix.start, item.fix.end),
          replacement: item.fix.replacement,
          description: item.fix.description,
        };
      }
      findings.push(finding);
    };
    const context: RuleContext = {
      analysis,
      config,
      prose,
      subjects,
      isAllowed: (start, end) => allowed.some(([s, e]) => s < end && start < e),
      report,
    };
    rule.check(context);
  }

  for (const problem of analysis.problems) {
    const severity = config.rules[problem.rule] ?? problem.severity;
    if (severity === 'off') continue;
    findings.push({ rule: problem.rule, category: PROBLEM_CATEGORY[problem.category] ?? 'structure', severity, message: problem.message, range: problem.range });
  }

  const suppressions = new Suppressions(readControls(analysis));
  const seen = new Set<string>();
  return findings
    .filter((finding) => {
      const key = `${finding.rule}\u0000${finding.range.start.offset}\u0000${finding.range.end.offset}\u0000${finding.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return !suppressions.isSuppressed(finding.rule, finding.range.start.offset, finding.range.start.line);
    })
    .sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
}

/** Where allowlisted phrases stand in the text, as sorted `[start, end)` offsets. */
function allowedIntervals(text: string, allow: readonly string[]): Array<[number, number]> {
  const phrases = allow.map((phrase) => phrase.trim()).filter((phrase) => phrase !== '');
  if (phrases.length === 0) return [];
  const matcher = new PhraseMatcher([{ id: 'allow', phrases, note: '', suggestion: '' }]);
  return [...matcher.matches(text)].map((match): [number, number] => [match.start, match.end]);
}

/**
 * Applies the findings' fixes to the text they were made for and returns the new text. A fix whose
 * range no longer holds its `original` text (stale) or that overlaps an earlier fix is skipped;
 * insertions at the same point keep their order. Applying the fixes of a re-lint of the result
 * changes nothing when every fix resolves its finding (fix-all is idempotent).
 */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const fixes = findings
    .map((finding, index) => ({ fix: finding.fix, index }))
    .filter((item): item is { fix: NonNullable<Finding['fix']>; index: number } => item.fix !== undefined)
    .sort((a, b) => a.fix.range.start.offset - b.fix.range.start.offset || a.fix.range.end.offset - b.fix.range.end.offset || a.index - b.index);
  let out = '';
  let cursor = 0;
  const applied = new Set<string>();
  for (const { fix } of fixes) {
    const start = fix.range.start.offset;
    const end = fix.range.end.offset;
    const key = `${start}\u0000${end}\u0000${fix.replacement}`;
    if (applied.has(key) || start < cursor || end > text.length || text.slice(start, end) !== fix.original) continue;
    applied.add(key);
    out += text.slice(cursor, start) + fix.replacement;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/**
 * Applies every mechanical fix, re-linting between passes until nothing changes (at most `maxPasses`):
 * fixes that touch the same words (dropping "Obviously," capitalizes the next word, which another
 * fix may also replace) land on successive passes. `relint` is the caller's lint of a text, e.g.
 * `(text) => lint(analyze(text), config)`. The result is a fixed point: running it again changes nothing.
 */
export function fixAll(text: string, relint: (text: string) => readonly Finding[], maxPasses = 10): string {
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const next = applyFixes(current, relint(current));
    if (next === current) return current;
    current = next;
  }
  return current;
}
