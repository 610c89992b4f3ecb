import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db/driver';
import { projectRoot } from './paths';

let cached: string | null = null;

export function appVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

export function currentSchemaVersion(db: Db): string {
  return (db.prepare('SELECT max(id) FROM schema_migration').pluck().get() as string | null) ?? '';
}
