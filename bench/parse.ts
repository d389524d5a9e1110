// Measures analyze() (parse + model) on generated postmortems of growing size, including the 5 MB case
// the foundation promises to survive. Run: npm run bench:parse
import { analyze } from '../src/core/analyze';

function postmortem(targetBytes: number): string {
  const head = '---\ntitle: Generated\ntimezone: UTC\nstarted: 2024-03-05T00:00:00Z\n---\n# Generated\n## Summary\nA generated incident.\n## Timeline\n### 2024-03-05\n';
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < targetBytes * 0.8; i++) {
    const line = `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} [alert] Error rate on *checkout-api* rose; @dana looked at \`dashboards\` (OPS-${i})\n`;
    parts.push(line);
    size += line.length;
  }
  parts.push('## Contributing factors\n');
  while (size < targetBytes) {
    const paragraph = 'The retry policy multiplied load on the database while the cache was cold, which made the queue grow. '.repeat(5) + '\n\n';
    parts.push(paragraph);
    size += paragraph.length;
  }
  parts.push('## Action items\n- [ ] Add a canary stage — owner: @dana, due 2024-04-01, OPS-123\n');
  return parts.join('');
}

console.log('| size | entries | analyze (ms, median of runs) |');
console.log('|---|---|---|');
for (const [label, bytes, runs] of [['20 KB', 20e3, 7], ['200 KB', 200e3, 5], ['2 MB', 2e6, 3], ['5 MB', 5e6, 1]] as const) {
  const text = postmortem(bytes);
  const times: number[] = [];
  let entries = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    entries = analyze(text).model.timeline.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${label} | ${entries} | ${times[Math.floor(times.length / 2)].toFixed(0)} |`);
}
