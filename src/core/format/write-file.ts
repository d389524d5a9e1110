import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing target is left alone and reported. */
  force?: boolean;
  /** A file the target must never be (the export's source). */
  notSameAs?: string;
}

export type WriteFailure = 'exists' | 'is-directory' | 'no-directory' | 'same-as-source' | 'io';
export type WriteResult = { ok: true; path: string } | { ok: false; reason: WriteFailure; path: string; message: string };

/**
 * The one place the CLI writes an output file. It resolves the target, refuses to write over the
 * source, over a directory or (unless forced) over an existing file, and writes through a temporary
 * file in the same directory, then renames it into place, so a reader never sees half a file. Without
 * `force`, the final step is a hard link, which fails rather than replaces if the target appeared
 * meanwhile. Never throws for file-system problems: they come back as a failure with a message.
 */
export async function writeFileSafely(target: string, content: string, options: WriteOptions = {}): Promise<WriteResult> {
  const resolved = path.resolve(target);
  const fail = (reason: WriteFailure, message: string): WriteResult => ({ ok: false, reason, path: resolved, message });

  if (options.notSameAs !== undefined && (await sameFile(resolved, path.resolve(options.notSameAs)))) {
    return fail('same-as-source', 'is the source file; choose another output');
  }
  const directory = path.dirname(resolved);
  const directoryStat = await fs.stat(directory).catch(() => null);
  if (!directoryStat?.isDirectory()) return fail('no-directory', `directory ${directory} does not exist`);
  const existing = await fs.lstat(resolved).catch(() => null);
  if (existing?.isDirectory()) return fail('is-directory', 'is a directory');
  if (existing && !options.force) return fail('exists', 'already exists (use --force to overwrite)');

  const temporary = path.join(directory, `.${path.basename(resolved)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    if (options.force) {
      await fs.rename(temporary, resolved);
    } else {
      await linkNoClobber(temporary, resolved);
    }
    return { ok: true, path: resolved };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return fail('exists', 'already exists (use --force to overwrite)');
    return fail('io', describeFsError(error));
  } finally {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
  }
}

/** Puts `temporary` at `target` only if `target` does not exist. */
async function linkNoClobber(temporary: string, target: string): Promise<void> {
  try {
    await fs.link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    // File systems without hard links (some network and FAT volumes): check, then rename.
    if (await fs.lstat(target).catch(() => null)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await fs.rename(temporary, target);
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const [statA, statB] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return statA !== null && statB !== null && statA.dev === statB.dev && statA.ino === statB.ino;
}

/** A short, human message for a file-system error: "no such file", "permission denied", … */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
