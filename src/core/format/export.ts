import type { Analysis } from '../analyze';
import type { SourceRange } from '../model/types';
import type { ExchangeFormat } from './document';
import { schemaErrors } from './errors';
import { serializeDocument } from './serialize';
import { rangeForPointer, toExchangeWithRanges } from './to-exchange';

export interface ExportError {
  /** JSON pointer of the failing field in the exchange document, e.g. `/timeline/3/at`. */
  path: string;
  message: string;
  /** The source range that produced the field (or its nearest enclosing part); null when unknown. */
  range: SourceRange | null;
}

export type ExportResult = { ok: true; content: string } | { ok: false; errors: ExportError[] };

export interface ExportOptions {
  /** The source file's name, written (as a base name) to the document's `sourceFile`. */
  sourceName?: string;
}

/**
 * Exports an analysed postmortem to the Postmortem Format. The document is checked against the
 * schema before any text is produced, so an invalid document is never returned as content; each
 * error names the field and the source range it came from.
 */
export function exportPostmortem(analysis: Analysis, format: ExchangeFormat, options: ExportOptions = {}): ExportResult {
  const { document, ranges } = toExchangeWithRanges(analysis.model, {
    sourceName: options.sourceName,
    frontMatter: analysis.frontMatter,
  });
  const errors = schemaErrors(document);
  if (errors.length > 0) {
    return { ok: false, errors: errors.map((e) => ({ path: e.path, message: e.message, range: rangeForPointer(ranges, e.path) })) };
  }
  return { ok: true, content: serializeDocument(document, format) };
}
