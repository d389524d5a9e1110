/**
 * Linear-time check of the rules engine on hostile 100 KB inputs (not a timed unit test: timings vary
 * by machine). Each case is linted after analysis; the lint time alone is printed, next to the analysis
 * time for scale. Run: npx tsx bench/hostile-input.ts
 */
import { analyze } from '../src/core/analyze';
import { lint } from '../src/core/rules';

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const cases: Array<[string, string]> = [
  ['one long word', fill('a')],
  ['dotted word', fill('a.')],
  ['should have, repeated', fill('should have ')],
  ['should + 100 KB of spaces', `should${' '.repeat(SIZE)}have been`],
  ['would + one 100 KB word (adverb slot)', `would ${'l'.repeat(SIZE)} have been`],
  ['would + -ly words, repeated', fill('would really ')],
  ['failed to, repeated (subject look-back)', fill('we failed to ')],
  ['unmatched curly quotes', fill('“ ')],
  ['unmatched straight quote + text', `"${fill('x ')}`],
  ['possessive fault, repeated', fill("Bob's fault ")],
  ['suppression comments without end', fill('<!-- postmortem-disable ')],
  ['one paragraph of mixed phrases', fill('Obviously the tired admin should have known the root cause was human error; ')],
  ['many action items', `# X\n\n## Action items\n\n${fill('- Investigate\n')}`],
];

console.log('| case | analyze (ms) | lint (ms) | findings |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, text] of cases) {
  const t0 = performance.now();
  const analysis = analyze(text);
  const t1 = performance.now();
  const findings = lint(analysis);
  const t2 = performance.now();
  console.log(`| ${name} | ${(t1 - t0).toFixed(0)} | ${(t2 - t1).toFixed(0)} | ${findings.length} |`);
}
