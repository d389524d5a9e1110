import type { Html, Nodes } from 'mdast';
import type { Analysis } from '../analyze';

/**
 * Inline controls, as HTML comments (so they do not render):
 *
 *     <!-- postmortem-disable-next-line counterfactual -->
 *     <!-- postmortem-disable-line blame -->        (on the line it applies to)
 *     <!-- postmortem-disable hindsight -->  …  <!-- postmortem-enable hindsight -->
 *     <!-- postmortem-disable-file root-cause -->
 *
 * The rule list (space- or comma-separated) is optional: without one, every rule. Comments inside
 * code blocks are code, not controls: only HTML nodes of the Markdown tree are read.
 */
export type ControlKind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

export interface Control {
  kind: ControlKind;
  /** Empty = every rule. */
  rules: string[];
  offset: number;
  /** 1-based line of the comment's start and end. */
  line: number;
  endLine: number;
}

// Bounded rule list ({0,300}, no '>'): each comment start scans a limited distance.
const CONTROL = /<!--\s*postmortem-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])([^>]{0,300}?)-->/g;

export function readControls(analysis: Analysis): Control[] {
  const controls: Control[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      readHtml(node, analysis, controls);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(analysis.tree);
  return controls;
}

function readHtml(node: Html, analysis: Analysis, controls: Control[]): void {
  const base = node.position?.start.offset;
  if (base === undefined) return;
  const source = analysis.text.slice(base, node.position!.end.offset!);
  CONTROL.lastIndex = 0;
  for (let match = CONTROL.exec(source); match; match = CONTROL.exec(source)) {
    const offset = base + match.index;
    controls.push({
      kind: match[1] as ControlKind,
      rules: match[2].split(/[\s,]+/).filter((rule) => rule !== ''),
      offset,
      line: analysis.lines.positionAt(offset).line,
      endLine: analysis.lines.positionAt(offset + match[0].length).line,
    });
  }
}

/** Answers "is this rule switched off here?" from a document's controls. */
export class Suppressions {
  private readonly fileRules = new Set<string>();
  private fileAll = false;
  private readonly lineRules = new Map<number, Set<string> | 'all'>();
  private readonly ranges: Control[];

  constructor(controls: readonly Control[]) {
    this.ranges = controls.filter((control) => control.kind === 'disable' || control.kind === 'enable').sort((a, b) => a.offset - b.offset);
    for (const control of controls) {
      if (control.kind === 'disable-file') {
        if (control.rules.length === 0) this.fileAll = true;
        for (const rule of control.rules) this.fileRules.add(rule);
      } else if (control.kind === 'disable-line') {
        this.addLine(control.line, control.rules);
      } else if (control.kind === 'disable-next-line') {
        this.addLine(control.endLine + 1, control.rules);
      }
    }
  }

  private addLine(line: number, rules: string[]): void {
    const existing = this.lineRules.get(line);
    if (existing === 'all') return;
    if (rules.length === 0) {
      this.lineRules.set(line, 'all');
      return;
    }
    const set = existing ?? new Set<string>();
    for (const rule of rules) set.add(rule);
    this.lineRules.set(line, set);
  }

  isSuppressed(rule: string, offset: number, line: number): boolean {
    if (this.fileAll || this.fileRules.has(rule)) return true;
    const onLine = this.lineRules.get(line);
    if (onLine === 'all' || onLine?.has(rule)) return true;
    // Replay disable/enable up to the offset: the last control that names the rule (or all) decides.
    let disabled = false;
    for (const control of this.ranges) {
      if (control.offset > offset) break;
      if (control.rules.length === 0 || control.rules.includes(rule)) disabled = control.kind === 'disable';
    }
    return disabled;
  }
}
