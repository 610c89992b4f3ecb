import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zipFiles } from '../../src/renderer/lib/zip';
import { zipEntries } from '../zip-entries';

describe('zip of exported files (a browser-mode download)', () => {
  it('has the CRC-32 that zlib computes', () => {
    const bytes = new TextEncoder().encode('MDK-svar för fall 1');
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });

  it('holds every file whole under its own name (UTF-8), found through the central directory', () => {
    const files = [
      { name: 'vardplan-1-v1.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
      { name: 'mdk-svar-åäö.pdf', bytes: new TextEncoder().encode('svar') },
    ];
    const entries = zipEntries(Buffer.from(zipFiles(files, new Date(2026, 11, 2, 10, 0, 0))));
    expect([...entries.keys()]).toEqual(files.map((f) => f.name));
    for (const f of files) expect(entries.get(f.name)).toEqual(Buffer.from(f.bytes));
  });
});
