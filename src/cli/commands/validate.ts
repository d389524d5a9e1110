import { EXCHANGE_FORMATS, FORMAT_VERSION, type ExchangeFormat } from '../../core/format/document';
import { validateExchangeText } from '../../core/format/validate';
import { CliError, EXIT, readText, type CliIo } from '../io';
import { fieldError } from './report';

export interface ValidateArgs {
  file: string;
  format?: string;
}

/** `postmortem validate FILE.(json|yaml)`: 0 when the file is a valid document, 1 when not. */
export async function validateCommand(args: ValidateArgs, io: CliIo): Promise<number> {
  const format = validateFormat(args);
  const text = await readText(args.file, io.cwd);
  const result = validateExchangeText(text, format);
  if (!result.ok) {
    for (const error of result.errors) io.err(`${fieldError(args.file, error, error.path, error.message)}\n`);
    return EXIT.problems;
  }
  io.out(`${args.file}: valid Postmortem Format ${FORMAT_VERSION} document\n`);
  return EXIT.ok;
}

function validateFormat(args: ValidateArgs): ExchangeFormat {
  if (args.format !== undefined) {
    if (!(EXCHANGE_FORMATS as readonly string[]).includes(args.format)) {
      throw new CliError(`unknown format "${args.format}" (use json or yaml)`);
    }
    return args.format as ExchangeFormat;
  }
  if (/\.json$/i.test(args.file)) return 'json';
  if (/\.ya?ml$/i.test(args.file)) return 'yaml';
  throw new CliError(`cannot tell the format of ${args.file}: name it .json, .yaml or .yml, or pass --format json|yaml`);
}
