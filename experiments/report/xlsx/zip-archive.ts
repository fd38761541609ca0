import zlib from 'node:zlib';

/** One file of a zip archive: its path inside the archive (ASCII) and its bytes. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Zip's own limits without the Zip64 extension: entry count, and sizes and offsets as 32-bit words. */
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;
/** 1980-01-01 00:00 in MS-DOS form, the earliest a zip entry can say: a fixed stamp keeps the archive's bytes a function of its contents. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip archive (PKWARE APPNOTE 6.3, the subset every reader takes: deflated entries, no
 * Zip64, no comments) of `entries`, deflated by Node's zlib. Every entry carries the same fixed
 * time, so the same entries give the same bytes. An archive beyond what plain zip can address
 * (65,535 entries or 4 GiB) is refused with an error that says so, not written corrupt.
 */
export function zipArchive(entries: ZipEntry[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`a zip archive holds at most ${MAX_ENTRIES} files without Zip64, got ${entries.length}`);
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'ascii');
    const packed = zlib.deflateRawSync(entry.data);
    const crc = zlib.crc32(entry.data);
    if (entry.data.length > MAX_BYTES || offset + 30 + name.length + packed.length > MAX_BYTES) {
      throw new Error(`${entry.name}: the workbook would pass the 4 GiB a zip without Zip64 can hold; the CSV tables beside it hold the same rows`);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, crc, packed.length, entry.data.length, name.length);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: version 2.0
    writeCommon(dir, 6, crc, packed.length, entry.data.length, name.length);
    // extra, comment, disk, internal and external attributes: all 0
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The fields a local header and a central directory record share, from `at` (version needed onwards). */
function writeCommon(b: Buffer, at: number, crc: number, packed: number, size: number, nameLength: number): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  b.writeUInt16LE(0, at + 2); // flags
  b.writeUInt16LE(8, at + 4); // method: deflate
  b.writeUInt16LE(DOS_TIME, at + 6);
  b.writeUInt16LE(DOS_DATE, at + 8);
  b.writeUInt32LE(crc, at + 10);
  b.writeUInt32LE(packed, at + 14);
  b.writeUInt32LE(size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}
