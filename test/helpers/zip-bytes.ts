// Builds ZIP files byte by byte for hostile tests: every field is the test's to choose, including the wrong ones.
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Name written in the local header (default: name). */
  localName?: string;
  /** 0 stored, 8 deflate (default 8). */
  method?: number;
  /** Bytes stored as the entry's data (default: data, deflated or not per method). */
  body?: Buffer;
  /** Uncompressed size declared in both headers (default: data.length). */
  declaredSize?: number;
  /** Unix mode in the external attributes (default 0o100644). */
  mode?: number;
  /** Written as a local entry but left out of the central directory. */
  hidden?: boolean;
}

export interface RawZipOptions {
  before?: Buffer;
  after?: Buffer;
  comment?: string;
  /** Added to the central directory offset written in the end record. */
  offsetShift?: number;
}

export function rawZip(entries: RawEntry[], options: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = options.before?.length ?? 0;
  if (options.before) parts.push(options.before);
  let listed = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const body = entry.body ?? (method === 8 ? deflateRawSync(entry.data) : entry.data);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const localName = Buffer.from(entry.localName ?? entry.name, 'utf8');
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.length, 26);
    parts.push(local, localName, body);
    if (!entry.hidden) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(0x031e, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt16LE(method, 10);
      central.writeUInt16LE(0x21, 14);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
      listed++;
    }
    offset += local.length + localName.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset + (options.offsetShift ?? 0), 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, cd, end, comment, options.after ?? Buffer.alloc(0)]);
}
