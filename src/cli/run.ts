import { parseArgs, type ParseArgsConfig } from 'node:util';
import { version } from '../../package.json';
import type { Analysis, AnalyzeOptions } from '../core/analyze';
import { exportCommand } from './commands/export';
import { lintCommand } from './commands/lint';
import { timelineCommand } from './commands/timeline';
import { validateCommand } from './commands/validate';
import { CliError, EXIT, type CliIo } from './io';
import { DEFAULT_SOURCES, type FindingSource } from './lint/findings';
import { COMMAND_USAGE, USAGE } from './usage';

export interface CliDeps {
  analyze: (text: string, options?: AnalyzeOptions) => Analysis;
  /** Extra lint finding sources, after the rules engine (which includes the parser's own problems). */
  findingSources?: readonly FindingSource[];
}

type Command = keyof typeof COMMAND_USAGE;

const OPTIONS = {
  lint: { format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' }, 'max-warnings': { type: 'string' }, fix: { type: 'boolean' } },
  export: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  validate: { format: { type: 'string', short: 'f' } },
  timeline: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
} as const satisfies Record<Command, ParseArgsConfig['options']>;

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. Never throws for bad input. */
export async function run(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  try {
    return await dispatch(argv, io, deps);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`postmortem: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(USAGE);
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(`${version}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMAND_USAGE, first)) {
    throw new CliError(first.startsWith('-') ? `unknown option "${first}" (see postmortem --help)` : `unknown command "${first}" (see postmortem --help)`);
  }
  const command = first as Command;
  const { values, positionals } = parseCommand(command, rest) as {
    values: { help?: boolean; format?: string; output?: string; force?: boolean; config?: string; 'max-warnings'?: string; fix?: boolean };
    positionals: string[];
  };
  if (values.help) {
    io.out(COMMAND_USAGE[command]);
    return EXIT.ok;
  }
  const { format } = values;

  switch (command) {
    case 'lint':
      if (positionals.length === 0) throw new CliError('lint needs at least one file or folder (see postmortem lint --help)');
      return lintCommand({ paths: positionals, format, config: values.config, maxWarnings: values['max-warnings'], fix: values.fix === true }, io, deps.analyze, [...DEFAULT_SOURCES, ...(deps.findingSources ?? [])]);
    case 'export':
      return exportCommand(
        { file: single(command, positionals), format, output: values.output, force: values.force === true },
        io,
        deps.analyze,
      );
    case 'validate':
      return validateCommand({ file: single(command, positionals), format }, io);
    case 'timeline':
      return timelineCommand(
        { file: single(command, positionals), format, output: values.output, force: values.force === true },
        io,
        deps.analyze,
      );
  }
}

function parseCommand(command: Command, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...OPTIONS[command], help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its first sentence.
    const message = error instanceof Error ? error.message.split('. ')[0].replace(/\.$/, '') : String(error);
    throw new CliError(`${command}: ${message} (see postmortem ${command} --help)`);
  }
}

function single(command: Command, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new CliError(
      positionals.length === 0 ? `${command} needs a file (see postmortem ${command} --help)` : `${command} takes one file, got ${positionals.length}`,
    );
  }
  return positionals[0];
}
