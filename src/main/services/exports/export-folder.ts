/**
 * Where exported patient files may go: a folder the user picked, that already exists, outside the
 * data folder. Nothing is created on the way (a mistyped path is refused, not made), and no export
 * lands beside the database, where it would look protected but is not encrypted.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

export type ExportFolderProblem = 'notAbsolute' | 'missing' | 'insideDataFolder';

export function exportFolderProblem(dir: string, dataDir: string): ExportFolderProblem | null {
  if (!isAbsolute(dir)) return 'notAbsolute';
  let real: string;
  try {
    if (!statSync(dir).isDirectory()) return 'missing';
    real = realpathSync(resolve(dir));
  } catch {
    return 'missing';
  }
  let data: string;
  try {
    data = realpathSync(resolve(dataDir));
  } catch {
    data = resolve(dataDir);
  }
  const rel = relative(data, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)) ? 'insideDataFolder' : null;
}
