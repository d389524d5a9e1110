import type { LintFinding } from './findings';

export const LINT_FORMATS = ['stylish', 'json', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** The findings as a JSON array of `{file, line, column, endLine, endColumn, rule, category, severity, message}`. */
export function formatJson(findings: readonly LintFinding[]): string {
  const rows = findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    message: f.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
} as const;

const LABEL = { error: 'error', warning: 'warning', information: 'info' } as const;
const COLOR = { error: ANSI.red, warning: ANSI.yellow, information: ANSI.blue } as const;

/**
 * ESLint's "stylish" layout: a header per file, one aligned row per finding (`line:col  severity
 * message  rule`) and a summary line. Nothing at all when there are no findings.
 */
export function formatStylish(findings: readonly LintFinding[], color: boolean): string {
  if (findings.length === 0) return '';
  const paint = (codes: string, text: string) => (color ? `${codes}${text}${ANSI.reset}` : text);
  const byFile = new Map<string, LintFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }

  let output = '\n';
  for (const [file, list] of byFile) {
    output += `${paint(ANSI.underline, file)}\n`;
    const messages = list.map((f) => f.message.replace(/\s*\r?\n\s*/g, ' '));
    const lineWidth = Math.max(...list.map((f) => String(f.line).length));
    const columnWidth = Math.max(...list.map((f) => String(f.column).length));
    const labelWidth = Math.max(...list.map((f) => LABEL[f.severity].length));
    const messageWidth = Math.max(...messages.map((m) => m.length));
    list.forEach((f, i) => {
      const position = `${String(f.line).padStart(lineWidth)}:${String(f.column).padEnd(columnWidth)}`;
      const label = paint(COLOR[f.severity], LABEL[f.severity].padEnd(labelWidth));
      output += `  ${paint(ANSI.dim, position)}  ${label}  ${messages[i].padEnd(messageWidth)}  ${paint(ANSI.dim, f.rule)}\n`;
    });
    output += '\n';
  }

  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [plural(infos, 'info')] : [])];
  const summary = `\u2716 ${plural(findings.length, 'problem')} (${counts.join(', ')})`;
  const summaryColor = errors > 0 ? ANSI.red : warnings > 0 ? ANSI.yellow : ANSI.blue;
  return `${output}${paint(ANSI.bold + summaryColor, summary)}\n\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
