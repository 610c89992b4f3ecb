/** What the loopback bridge and the unit server both need of a request: its body, a header, the renderer's files. */
import type { IncomingMessage } from 'node:http';
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

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The body as text, or null when it is larger than `maxBytes`. An oversized body is read to its end
 * and dropped, so the client gets its 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
