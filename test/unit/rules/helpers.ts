import { analyze, type Analysis } from '../../../src/core/analyze';
import { mergeConfig, type PartialConfig } from '../../../src/core/config';
import { lint, type Finding } from '../../../src/core/rules';

/** A postmortem with `body` under a "Contributing factors" heading (and optional front matter). */
export function doc(body: string, frontMatter = ''): string {
  return `${frontMatter ? `---\n${frontMatter}\n---\n\n` : ''}# Incident\n\n## Contributing factors\n\n${body}\n`;
}

export function lintText(text: string, config: PartialConfig = {}): { analysis: Analysis; findings: Finding[] } {
  const analysis = analyze(text);
  return { analysis, findings: lint(analysis, mergeConfig(config)) };
}

/** The findings of one rule as the exact text each one covers. */
export function hits(text: string, rule: string, config: PartialConfig = {}): string[] {
  const { findings } = lintText(text, config);
  return findings.filter((finding) => finding.rule === rule).map((finding) => text.slice(finding.range.start.offset, finding.range.end.offset));
}

/** Hits of a rule for a sentence written as prose in a contributing-factors section. */
export function sentenceHits(sentence: string, rule: string, config: PartialConfig = {}, frontMatter = ''): string[] {
  return hits(doc(sentence, frontMatter), rule, config);
}
