import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { openDatabase } from '../../src/main/db/driver';
import { checkHealth } from '../../src/main/db/migrate';

const WRITER = join(import.meta.dirname, 'durability', 'writer.ts');

/** Runs the writer until it has committed a little, then kills it with SIGKILL; returns what it reported. */
function runAndKill(file: string, keyHex: string | undefined, afterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, ...(keyHex ? [keyHex] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: number[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const m = /^committed (\d+)$/.exec(line);
        if (m) committed.push(Number(m[1]));
        // Kill at a random moment once it is writing, mid-transaction as often as not.
        if (!timer && (m || line === 'ready')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited ${code}: ${stderr}`));
      // Only complete lines count: a half-printed last line was not a report.
      else resolve(committed);
    });
  });
}

async function killRepeatedly(kills: number, keyHex?: string) {
  const file = join(tempDir('mdk-durability-'), 'durability.sqlite');
  const reported: number[] = [];
  for (let i = 0; i < kills; i++) {
    const got = await runAndKill(file, keyHex, 5 + Math.floor(Math.random() * 120));
    reported.push(...got);
  }
  const db = openDatabase(file, { key: keyHex ? Buffer.from(keyHex, 'hex') : undefined });
  try {
    const present = new Set(db.prepare('SELECT seq FROM probe').pluck().all() as number[]);
    const missing = reported.filter((s) => !present.has(s));
    const partial = db.prepare('SELECT p.seq FROM probe p LEFT JOIN probe_item i ON i.seq = p.seq GROUP BY p.seq HAVING count(i.seq) <> 3').all();
    const health = checkHealth(db);
    return { reported: reported.length, present: present.size, missing, partial, health };
  } finally {
    db.close();
  }
}

describe('durability under SIGKILL', () => {
  it('keeps every transaction the writer reported as committed, whole, and the database stays intact', async () => {
    const r = await killRepeatedly(20);
    expect(r.reported).toBeGreaterThan(20); // it did commit in most runs
    expect(r.missing).toEqual([]);
    expect(r.partial).toEqual([]);
    expect(r.health).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: [] });
  }, 300_000);

  it('holds for an encrypted database as well', async () => {
    const r = await killRepeatedly(6, randomBytes(32).toString('hex'));
    expect(r.reported).toBeGreaterThan(6);
    expect(r.missing).toEqual([]);
    expect(r.partial).toEqual([]);
    expect(r.health.ok).toBe(true);
  }, 200_000);
});
