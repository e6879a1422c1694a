// Writes a pack's files into a ZIP with yazl (streaming, ZIP64 when needed), through a temp file renamed into place.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** Formats that are already compressed: deflating them again only costs time. */
const STORED = /\.(xlsx|pdf|zip|png|jpe?g|gz)$/i;

/**
 * Zips `names` (pack paths, "/"-separated) from `root` into `zipFile`. Every entry is a regular file
 * (mode 0644) with the given time, so two runs over the same files differ only in the files themselves.
 * The ZIP is written to `temp` (beside the ZIP) and renamed, so a reader sees the old ZIP or the new one.
 */
export async function writeZip(
  root: string,
  names: string[],
  zipFile: string,
  modified: Date,
  temp: string,
): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const name of names) {
    zip.addFile(join(root, ...name.split('/')), name, {
      mtime: modified,
      mode: 0o100644,
      compress: !STORED.test(name),
    });
  }
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx' }));
    await rename(temp, zipFile);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
