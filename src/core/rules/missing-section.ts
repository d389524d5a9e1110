import type { SectionKind } from '../model/types';
import type { Rule } from './types';

/** The heading the quick fix inserts for each kind (the parser's section-names.json reads them back). */
export const SECTION_TITLES: Record<SectionKind, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'contributing-factors': 'Contributing factors',
  'what-went-well': 'What went well',
  'where-we-got-lucky': 'Where we got lucky',
  'lessons-learned': 'Lessons learned',
  'action-items': 'Action items',
  other: 'Notes',
};

export const missingSection: Rule = {
  id: 'missing-section',
  category: 'structure',
  defaultSeverity: 'warning',
  description: 'A required section (configurable) is missing.',
  docsUrl: 'docs/rules/missing-section.md',
  check(context) {
    const { model, text } = context.analysis;
    const present = new Set(model.sections.map((section) => section.kind));
    const firstHeading = model.sections.find((section) => section.heading !== '');
    // Land on the title (or the start of the document): the problem is the document's, not a line's.
    const at = firstHeading ? firstHeading.headingRange : null;
    const start = at ? at.start.offset : 0;
    const end = at ? at.end.offset : Math.min(text.length, Math.max(0, text.search(/\r?\n|$/)));
    const newline = /\r\n/.test(text) ? '\r\n' : '\n';
    // Only the first insertion needs to separate itself from the text; later ones follow a blank line.
    let lead = text === '' || /(\r?\n){2}$/.test(text) ? '' : /\r?\n$/.test(text) ? newline : newline + newline;
    for (const kind of context.config.requiredSections) {
      if (present.has(kind)) continue;
      const title = SECTION_TITLES[kind];
      context.report({
        start,
        end,
        message: `The “${title}” section is missing (required by the configuration: requiredSections).`,
        fix: { start: text.length, end: text.length, replacement: `${lead}## ${title}${newline}${newline}`, description: `Add a “${title}” section at the end` },
      });
      lead = '';
    }
  },
};
