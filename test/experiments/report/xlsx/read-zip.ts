import zlib from 'node:zlib';
import { expect } from 'vitest';

/** Reads an archive back by its central directory, as unzip does: name, stored CRC, and inflated bytes per entry. */
export function readZip(zip: Buffer): Array<{ name: string; crc: number; data: Buffer; dosDate: number }> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('ascii', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    out.push({ name, crc, data: zlib.inflateRawSync(zip.subarray(dataAt, dataAt + packed)), dosDate: zip.readUInt16LE(at + 14) });
    at += 46 + nameLength;
  }
  return out;
}
