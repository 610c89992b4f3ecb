import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'MDK Coordinator';

/**
 * The data folder when Electron is not there to say (CLI, browser mode): the same folder Electron's
 * userData would be, so the desktop app, the CLI and browser mode share one database.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (env.MDK_DATA_DIR) return resolve(env.MDK_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

let resourcesOverride: string | null = null;

/** The Electron shell points this at process.resourcesPath when packaged. */
export function setResourcesDir(dir: string): void {
  resourcesOverride = dir;
}

/** Folder with reference data, fonts and templates: `resources/` in the repository. */
export function resourcesDir(): string {
  if (resourcesOverride) return resourcesOverride;
  if (process.env.MDK_RESOURCES_DIR) return resolve(process.env.MDK_RESOURCES_DIR);
  return join(projectRoot(), 'resources');
}

/** The repository (or unpacked app) root: the nearest folder upwards with a package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
