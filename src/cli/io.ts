import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../core/format/write-file';

/** What the CLI touches outside its arguments; `main.ts` wires it to the process, tests to buffers. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = {
  /** Clean: no findings, a valid file, an export written. */
  ok: 0,
  /** Problems found (lint), an invalid document (validate, export). */
  problems: 1,
  /** Bad usage, or input that cannot be read or written. */
  usage: 2,
} as const;

/** A failure the user can act on: printed as one `postmortem: …` line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads `file` (relative to `cwd`) as UTF-8 text without its byte-order mark; throws a CliError that
 * names the file as the user wrote it.
 */
export async function readText(file: string, cwd: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.resolve(cwd, file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CliError(`cannot read ${file}: not UTF-8 text`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether to color stdout: a terminal, and NO_COLOR (https://no-color.org) unset or empty. */
export function useColor(io: CliIo): boolean {
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}
