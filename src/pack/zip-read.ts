// Reads a pack ZIP strictly with yauzl: one layout only (no gaps, no comment, no trailing bytes), bounded sizes and ratios.
import { createHash } from 'node:crypto';
import { open, lstat, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

/** Why a ZIP was refused: one line, the file named, never a stack. */
export class ZipRejected extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ZipRejected';
  }
}

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry accepted, in bytes. */
  maxEntrySize: number;
  /** Largest sum of uncompressed entries, in bytes. */
  maxTotalSize: number;
  /** Highest uncompressed:compressed ratio for entries larger than ratioFloor (a ZIP bomb's is about 1000:1). */
  maxRatio: number;
  ratioFloor: number;
}

const GiB = 1024 ** 3;
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxEntrySize: 8 * GiB,
  maxTotalSize: 32 * GiB,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
};

export interface StrictEntry {
  name: string;
  size: number;
  compressedSize: number;
  entry: yauzl.Entry;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const DESCRIPTOR = 0x08074b50;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const U32_MAX = 0xffffffff;

/** An opened ZIP whose structure has been checked; entries are read one stream at a time. */
export class StrictZip {
  private constructor(
    readonly file: string,
    private readonly zip: yauzl.ZipFile,
    readonly entries: StrictEntry[],
  ) {}

  static async open(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<StrictZip> {
    const info = await lstat(file);
    if (info.isSymbolicLink()) throw new ZipRejected(file, 'is a symlink; expected the ZIP file itself');
    if (!info.isFile()) throw new ZipRejected(file, 'is not a regular file');
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        file,
        { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true },
        (error, opened) => (error ? reject(rejected(file, error)) : resolve(opened)),
      ),
    );
    try {
      if (zip.entryCount > limits.maxEntries)
        throw new ZipRejected(file, `has ${zip.entryCount} entries; the limit is ${limits.maxEntries}`);
      if (zip.comment !== '') throw new ZipRejected(file, 'has a ZIP comment; packs are written without one');
      const entries = checkEntries(file, await readEntries(file, zip), limits);
      const handle = await open(file, 'r');
      try {
        await checkLayout(file, zip, handle, entries, info.size);
      } finally {
        await handle.close();
      }
      return new StrictZip(file, zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** SHA-256 and size of an entry's content, streaming; the CRC-32 and the declared size must match too. */
  async hash(entry: StrictEntry): Promise<{ sha256: string; size: number }> {
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    await this.read(entry, (chunk) => {
      hash.update(chunk);
      crc = crc32(chunk, crc);
      size += chunk.length;
    });
    if (crc !== entry.entry.crc32) throw new ZipRejected(this.file, `${entry.name}: CRC-32 does not match`);
    return { sha256: hash.digest('hex'), size };
  }

  /** An entry's content as text, refused when larger than `max` bytes. */
  async text(entry: StrictEntry, max: number): Promise<string> {
    return (await this.bytes(entry, max)).toString('utf8');
  }

  /** An entry's content, refused when larger than `max` bytes. */
  async bytes(entry: StrictEntry, max: number): Promise<Buffer> {
    if (entry.size > max)
      throw new ZipRejected(this.file, `${entry.name}: ${entry.size} bytes; the limit is ${max}`);
    const chunks: Buffer[] = [];
    let crc = 0;
    await this.read(entry, (chunk) => {
      chunks.push(chunk);
      crc = crc32(chunk, crc);
    });
    if (crc !== entry.entry.crc32) throw new ZipRejected(this.file, `${entry.name}: CRC-32 does not match`);
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }

  private async read(entry: StrictEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry.entry, (error, opened) =>
        error ? reject(rejected(this.file, error, entry.name)) : resolve(opened),
      ),
    );
    try {
      for await (const chunk of stream) onChunk(chunk as Buffer);
    } catch (error) {
      stream.destroy();
      throw rejected(this.file, error, entry.name);
    }
  }
}

/** A library or zlib error as one line naming the file (and entry); the message only, never the stack. */
function rejected(file: string, error: unknown, entry?: string): ZipRejected {
  if (error instanceof ZipRejected) return error;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new ZipRejected(file, `${entry ? `${entry}: ` : ''}not a readable ZIP (${message})`);
}

function readEntries(file: string, zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: unknown) => reject(rejected(file, error)));
    zip.readEntry();
  });
}

/** Each entry: a regular file, a unique name, stored or deflated, unencrypted, sizes within the limits. */
function checkEntries(file: string, entries: yauzl.Entry[], limits: ZipLimits): StrictEntry[] {
  const seen = new Set<string>();
  let total = 0;
  return entries.map((entry) => {
    const name = entry.fileName;
    const fail = (reason: string) => new ZipRejected(file, `entry "${name}": ${reason}`);
    // Two names that only differ in case land on one file on Windows and macOS.
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw fail('appears twice (a duplicate entry hides one copy from some tools)');
    seen.add(key);
    if (name.endsWith('/')) throw fail('is a directory entry; packs hold files only');
    const unixMode = entry.externalFileAttributes >>> 16;
    const madeOnUnix = entry.versionMadeBy >> 8 === 3;
    if (madeOnUnix && unixMode !== 0 && (unixMode & S_IFMT) !== S_IFREG)
      throw fail((unixMode & S_IFMT) === 0o120000 ? 'is a symlink' : 'is not a regular file');
    if (entry.isEncrypted()) throw fail('is encrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      throw fail(`uses compression method ${entry.compressionMethod}; expected stored or deflate`);
    if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize)
      throw fail('is stored but its two sizes differ');
    if (entry.uncompressedSize > limits.maxEntrySize)
      throw fail(`declares ${entry.uncompressedSize} bytes; the limit is ${limits.maxEntrySize}`);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloor && ratio > limits.maxRatio)
      throw fail(`expands ${Math.round(ratio)}:1; the limit is ${limits.maxRatio}:1 (a ZIP bomb?)`);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalSize)
      throw new ZipRejected(file, `expands to more than ${limits.maxTotalSize} bytes in all`);
    return { name, size: entry.uncompressedSize, compressedSize: entry.compressedSize, entry };
  });
}

/**
 * One layout only: entries back to back from byte 0, each local header repeating its central header,
 * then the central directory, then the end records and nothing after. Anything else (a hidden local
 * entry, a gap, bytes prepended or appended, a mismatched name) is refused.
 */
async function checkLayout(
  file: string,
  zip: yauzl.ZipFile,
  handle: FileHandle,
  entries: StrictEntry[],
  fileSize: number,
): Promise<void> {
  const { cdOffset, cdSize, cdEnd } = await centralDirectory(file, handle, fileSize);
  const headersSize = entries.reduce(
    (n, { entry }) => n + 46 + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength,
    0,
  );
  if (cdOffset + cdSize !== cdEnd || headersSize !== cdSize)
    throw new ZipRejected(file, 'the central directory does not fill its declared space');
  let expected = 0;
  for (const item of [...entries].sort(
    (a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader,
  )) {
    const { entry } = item;
    const fail = (reason: string) => new ZipRejected(file, `entry "${item.name}": ${reason}`);
    if (entry.relativeOffsetOfLocalHeader !== expected)
      throw fail(
        `starts at byte ${entry.relativeOffsetOfLocalHeader}, expected ${expected} (gap or overlap)`,
      );
    const local = await new Promise<yauzl.LocalFileHeader>((resolve, reject) =>
      zip.readLocalFileHeader(entry, {}, (error, header) =>
        error ? reject(rejected(file, error, item.name)) : resolve(header),
      ),
    );
    if (!local.fileName.equals(entry.fileNameRaw))
      throw fail('the local header names another file than the central directory');
    if (
      local.generalPurposeBitFlag !== entry.generalPurposeBitFlag ||
      local.compressionMethod !== entry.compressionMethod
    )
      throw fail('the local header flags or method differ from the central directory');
    const zip64 = entry.compressedSize >= U32_MAX || entry.uncompressedSize >= U32_MAX;
    const hasDescriptor = (entry.generalPurposeBitFlag & 0x8) !== 0;
    if (!hasDescriptor && local.crc32 !== entry.crc32) throw fail('the local header CRC-32 differs');
    if (
      !hasDescriptor &&
      !zip64 &&
      (local.compressedSize !== entry.compressedSize || local.uncompressedSize !== entry.uncompressedSize)
    )
      throw fail('the local header sizes differ from the central directory');
    let end = local.fileDataStart + entry.compressedSize;
    if (hasDescriptor) end = await checkDescriptor(handle, end, entry, zip64, fail);
    expected = end;
  }
  if (expected !== cdOffset)
    throw new ZipRejected(file, `${cdOffset - expected} unlisted bytes before the central directory`);
}

/** The data descriptor after an entry's data must repeat its CRC-32 and sizes; returns where it ends. */
async function checkDescriptor(
  handle: FileHandle,
  at: number,
  entry: yauzl.Entry,
  zip64: boolean,
  fail: (reason: string) => Error,
): Promise<number> {
  const buffer = Buffer.alloc(24);
  const { bytesRead } = await handle.read(buffer, 0, 24, at);
  const signed = bytesRead >= 4 && buffer.readUInt32LE(0) === DESCRIPTOR;
  const base = signed ? 4 : 0;
  const length = base + (zip64 ? 20 : 12);
  if (bytesRead < length) throw fail('the data descriptor is cut short');
  const crc = buffer.readUInt32LE(base);
  const compressed = zip64 ? Number(buffer.readBigUInt64LE(base + 4)) : buffer.readUInt32LE(base + 4);
  const size = zip64 ? Number(buffer.readBigUInt64LE(base + 12)) : buffer.readUInt32LE(base + 8);
  if (crc !== entry.crc32 || compressed !== entry.compressedSize || size !== entry.uncompressedSize)
    throw fail('the data descriptor differs from the central directory');
  return at + length;
}

/** Where the central directory is, from the end records; the last record must end the file. */
async function centralDirectory(
  file: string,
  handle: FileHandle,
  fileSize: number,
): Promise<{ cdOffset: number; cdSize: number; cdEnd: number }> {
  const eocdAt = fileSize - 22;
  const eocd = Buffer.alloc(22);
  await handle.read(eocd, 0, 22, eocdAt);
  if (eocd.readUInt32LE(0) !== EOCD) throw new ZipRejected(file, 'bytes follow the end of the ZIP');
  let cdSize = eocd.readUInt32LE(12);
  let cdOffset = eocd.readUInt32LE(16);
  let cdEnd = eocdAt;
  if (cdOffset === U32_MAX || cdSize === U32_MAX || eocd.readUInt16LE(10) === 0xffff) {
    const locator = Buffer.alloc(20);
    await handle.read(locator, 0, 20, eocdAt - 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR)
      throw new ZipRejected(file, 'the ZIP64 end locator is missing');
    const recordAt = Number(locator.readBigUInt64LE(8));
    const record = Buffer.alloc(56);
    await handle.read(record, 0, 56, recordAt);
    if (
      record.readUInt32LE(0) !== ZIP64_EOCD ||
      recordAt + 12 + Number(record.readBigUInt64LE(4)) !== eocdAt - 20
    )
      throw new ZipRejected(file, 'the ZIP64 end record is not where its locator says');
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
    cdEnd = recordAt;
  }
  return { cdOffset, cdSize, cdEnd };
}
