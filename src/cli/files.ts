/**
 * File input and output for the command: reading a file with one-line errors, and atomic
 * writes (a temporary file in the same folder, then a rename), so an output file is either
 * the whole new file or not there (or the old one, untouched).
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CliError, messageOf } from "./errors";

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOSPC":
      return "the disk is full";
    case "EROFS":
      return "the file system is read-only";
    default:
      return messageOf(e);
  }
}

/** Read a whole input file; a missing or unreadable file is a one-line CliError. */
export async function readInput(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT")
      throw new CliError("FILE_MISSING", `${path}: no such file`);
    throw new CliError("FILE_UNREADABLE", `${path} cannot be read: ${reason(e)}`);
  }
  if (stat.isDirectory()) throw new CliError("FILE_UNREADABLE", `${path} is a folder, not a file`);
  try {
    return await fs.readFile(path);
  } catch (e) {
    throw new CliError("FILE_UNREADABLE", `${path} cannot be read: ${reason(e)}`);
  }
}

/**
 * Write `data` to `path` atomically: a temporary file beside it, then a rename over it. On any
 * failure the temporary file is removed and `path` is as it was.
 */
export async function writeAtomic(path: string, data: Buffer | Uint8Array | string): Promise<void> {
  // A symbolic link is followed (the file it points to is replaced, the link kept); a device or
  // a pipe (/dev/stdout, /dev/null, a FIFO) is written to directly: never renamed over.
  let target = path;
  try {
    const st = await fs.lstat(path);
    if (st.isSymbolicLink()) target = await fs.realpath(path).catch(() => path);
    const real = await fs.stat(target).catch(() => undefined);
    if (real && !real.isFile()) {
      if (real.isDirectory()) throw new CliError("OUTPUT_UNWRITABLE", `cannot write ${path}: it is a folder`);
      try {
        await fs.writeFile(target, data);
        return;
      } catch (e) {
        throw new CliError("OUTPUT_UNWRITABLE", `cannot write ${path}: ${reason(e)}`);
      }
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    // Not there yet: a new file.
  }
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(tmp, data, { flag: "wx" });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new CliError("OUTPUT_UNWRITABLE", `cannot write ${path}: ${reason(e)}`);
  }
}

/** Fail early (before any work) when an output file's folder does not exist or is not a folder. */
export async function checkOutputPath(path: string, option: string): Promise<void> {
  const dir = dirname(path);
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch (e) {
    throw new CliError(
      "OUTPUT_UNWRITABLE",
      `${option} ${path}: the folder ${dir} ${reason(e) === "no such file or folder" ? "does not exist" : `cannot be used: ${reason(e)}`}`,
    );
  }
  if (!stat.isDirectory())
    throw new CliError("OUTPUT_UNWRITABLE", `${option} ${path}: ${dir} is not a folder`);
  try {
    const s = await fs.stat(path);
    if (s.isDirectory())
      throw new CliError("OUTPUT_UNWRITABLE", `${option} ${path} is a folder; give a file name`);
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
}
