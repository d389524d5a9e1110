/** The `postmortem` command (bundled to dist/cli.js). See `run.ts`; this file only wires the process. */
import { analyze } from '../core/analyze';
import { EXIT } from './io';
import { run } from './run';

// A closed pipe (`postmortem lint . | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

run(
  process.argv.slice(2),
  {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  },
  { analyze },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: one line, and the stack only when asked for.
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`postmortem: internal error: ${detail}\n`);
    if (process.env.POSTMORTEM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.usage;
  },
);
