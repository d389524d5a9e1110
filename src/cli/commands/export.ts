import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Analysis, AnalyzeOptions } from '../../core/analyze';
import { EXCHANGE_FORMATS, type ExchangeFormat } from '../../core/format/document';
import { exportPostmortem } from '../../core/format/export';
import { exportTargetPath } from '../../core/format/target';
import { writeFileSafely } from '../../core/format/write-file';
import { CliError, EXIT, readText, type CliIo } from '../io';
import { fieldError } from './report';

export interface ExportArgs {
  file: string;
  format?: string;
  output?: string;
  force: boolean;
}

/**
 * `postmortem export FILE [--format json|yaml] [-o OUT] [--force]`. Writes nothing unless the
 * document is valid; `-o -` writes to stdout; `-o DIR` writes `DIR/<name>.postmortem.<ext>`.
 */
export async function exportCommand(
  args: ExportArgs,
  io: CliIo,
  analyze: (text: string, options?: AnalyzeOptions) => Analysis,
): Promise<number> {
  const format = exportFormat(args);
  const analysis = analyze(await readText(args.file, io.cwd));
  const result = exportPostmortem(analysis, format, { sourceName: args.file });
  if (!result.ok) {
    for (const error of result.errors) io.err(`${fieldError(args.file, error.range?.start ?? null, error.path, error.message)}\n`);
    const count = result.errors.length;
    io.err(`postmortem: nothing written: ${args.file} does not make a valid Postmortem Format document (${count} error${count === 1 ? '' : 's'})\n`);
    return EXIT.problems;
  }
  if (args.output === '-') {
    io.out(result.content);
    return EXIT.ok;
  }
  const target = await targetPath(args, format, io.cwd);
  const written = await writeFileSafely(path.resolve(io.cwd, target), result.content, {
    force: args.force,
    notSameAs: path.resolve(io.cwd, args.file),
  });
  if (!written.ok) {
    throw new CliError(
      written.reason === 'exists' ? `${target} already exists (use --force to overwrite)` : `cannot write ${target}: ${written.message}`,
    );
  }
  io.out(`wrote ${target}\n`);
  return EXIT.ok;
}

/** --format if given, else what `-o`'s extension says, else JSON. */
function exportFormat(args: ExportArgs): ExchangeFormat {
  if (args.format !== undefined) {
    if (!(EXCHANGE_FORMATS as readonly string[]).includes(args.format)) {
      throw new CliError(`unknown export format "${args.format}" (use json or yaml)`);
    }
    return args.format as ExchangeFormat;
  }
  if (args.output && /\.ya?ml$/i.test(args.output)) return 'yaml';
  return 'json';
}

async function targetPath(args: ExportArgs, format: ExchangeFormat, cwd: string): Promise<string> {
  if (args.output === undefined) return exportTargetPath(args.file, format);
  const isFolder =
    /[\\/]$/.test(args.output) || (await fs.stat(path.resolve(cwd, args.output)).catch(() => null))?.isDirectory() === true;
  return isFolder ? exportTargetPath(args.file, format, args.output) : args.output;
}
