import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  data: Buffer;
  contentType: string;
  /** The app's page (index.html), which starts a browser session. */
  isPage: boolean;
}

/** A file of the built renderer; paths without an extension are the single-page app's index.html. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | 'forbidden' | null> {
  const base = normalize(root);
  let file = normalize(join(base, urlPath));
  if (!file.startsWith(base + sep) && file !== base) return 'forbidden';
  if (urlPath === '/' || !extname(file)) file = join(base, 'index.html');
  try {
    const data = await readFile(file);
    return { data, contentType: MIME[extname(file)] ?? 'application/octet-stream', isPage: extname(file) === '.html' };
  } catch {
    return null;
  }
}
