import * as path from 'node:path';
import type { ExchangeFormat } from './document';

const EXTENSIONS: Record<ExchangeFormat, string> = { json: '.json', yaml: '.yaml' };

/**
 * Where an export of `sourcePath` goes: `x.postmortem.md` → `x.postmortem.json` (or `.yaml`) beside
 * the source, or inside `folder` when one is given. A source not named `*.postmortem.md` still gets a
 * `.postmortem.json|yaml` name (`notes.md` → `notes.postmortem.json`), so an export never replaces
 * its source.
 */
export function exportTargetPath(sourcePath: string, format: ExchangeFormat, folder?: string): string {
  const directory = folder ?? path.dirname(sourcePath);
  const name = path.basename(sourcePath);
  const stem = /\.postmortem\.(md|markdown)$/i.test(name)
    ? name.replace(/\.(md|markdown)$/i, '')
    : `${name.replace(/\.(md|markdown)$/i, '')}.postmortem`;
  return path.join(directory, stem + EXTENSIONS[format]);
}
