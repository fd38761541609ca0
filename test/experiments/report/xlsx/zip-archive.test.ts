import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../../../experiments/report/xlsx/zip-archive.js';
import { readZip as readBack } from './read-zip.js';

describe('zipArchive', () => {
  const entries = [
    { name: 'a.txt', data: Buffer.from('hello, '.repeat(1000)) },
    { name: 'dir/b.xml', data: Buffer.from('<x>\u00e9\u{1F600}</x>', 'utf8') },
    { name: 'empty', data: Buffer.alloc(0) },
  ];

  it('holds each entry deflated, with its CRC-32, found through the central directory', () => {
    const back = readBack(zipArchive(entries));
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) => {
      expect(e.data.equals(entries[i].data)).toBe(true);
      expect(e.crc).toBe(zlib.crc32(entries[i].data));
    });
  });

  it('is the same bytes for the same entries: every entry carries 1980-01-01, not the time of writing', () => {
    const a = zipArchive(entries);
    expect(a.equals(zipArchive(entries))).toBe(true);
    expect(readBack(a).map((e) => e.dosDate)).toEqual([0x21, 0x21, 0x21]);
  });

  it('refuses more entries than plain zip can count, rather than writing a corrupt archive', () => {
    const many = Array.from({ length: 0x10000 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(0) }));
    expect(() => zipArchive(many)).toThrow(/at most 65535 files/);
  });
});
