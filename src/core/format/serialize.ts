import { stringify } from 'yaml';
import type { ExchangeFormat, PostmortemDocument } from './document';

/**
 * Deterministic text for a document: the document's own key order, 2-space JSON with a trailing
 * newline, or YAML. YAML is written with YAML 1.1's rules for what needs quotes, so strings such as
 * `2024-03-05T14:02:00Z`, `yes` or `1.0` stay strings for 1.1 readers (PyYAML, Go's yaml.v2) too;
 * the output is plain YAML 1.2 as well. No line folding, no anchors, no timestamps.
 */
export function serializeDocument(document: PostmortemDocument, format: ExchangeFormat): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return stringify(document, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false, indent: 2 });
}
