// Tokenizes hostile lines of growing length with the postmortem grammar and prints the times, to show the
// grammar's patterns stay linear (a benchmark, not a timed test: timings vary by machine).
// Run: npm run bench:grammar
import * as vsctm from 'vscode-textmate';
import { loadGrammar } from '../test/unit/grammar-loader';

async function main(): Promise<void> {
  const grammar = await loadGrammar();
  // VS Code stops tokenizing at 20,000 characters a line (editor.maxTokenizationLineLength).
  const shapes: Array<(n: number) => string> = [
    (n) => '- ' + '1:1'.repeat(n / 3),
    (n) => '- ' + '2024-03-05 '.repeat(n / 11),
    (n) => '| ' + ' '.repeat(n) + '14',
    (n) => '@' + 'a.'.repeat(n / 2),
    (n) => '[' + 'a'.repeat(n),
    (n) => 'due ' + ' :'.repeat(n / 2),
    (n) => '{' + 'started'.repeat(n / 7),
    (n) => '- 14:02 ' + '@a '.repeat(n / 3),
    (n) => '| 1'.repeat(n / 3),
  ];
  // The best of three runs, so that a busy machine does not distort the picture.
  const time = (line: string) => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = process.hrtime.bigint();
      grammar.tokenizeLine(line, vsctm.INITIAL);
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    return best;
  };
  console.log('| line shape | 5,000 chars (ms) | 20,000 chars (ms) | ratio (linear ≈ 4, quadratic ≈ 16) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const shape of shapes) {
    time(shape(2000)); // warm up the regex caches
    const small = time(shape(5000));
    const large = time(shape(20000));
    console.log(`| \`${JSON.stringify(shape(12)).slice(1, -1)}…\` | ${small.toFixed(1)} | ${large.toFixed(1)} | ${(large / small).toFixed(1)} |`);
  }
}

void main();
