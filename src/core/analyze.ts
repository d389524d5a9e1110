import type { Root } from 'mdast';
import type { Postmortem, Problem } from './model/types';
import type { LineIndex } from './parse/line-index';

export interface AnalyzeOptions {
  /** Allowed severity values, e.g. SEV1..SEV5. */
  severityScale?: readonly string[];
}

/** The one analysis of a document version that every reader (diagnostics, export, CLI, view) shares. */
export interface Analysis {
  /** The analysed text (a leading byte-order mark removed). */
  text: string;
  tree: Root;
  lines: LineIndex;
  model: Postmortem;
  problems: Problem[];
}

export declare function analyze(text: string, options?: AnalyzeOptions): Analysis;
