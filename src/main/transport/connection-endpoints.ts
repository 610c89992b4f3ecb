/**
 * Browser mode's connection shell (the Electron shell serves the same over IPC): the first-start
 * choice and the settings tab read and change how this computer works (standalone or the unit's
 * server) under /api/connection, behind the bridge's own cookie like every call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectionShell } from '../../shared/api/connection';
import { readBody } from './http-parts';

export const CONNECTION_PATH = '/api/connection';

/** Answers a request under /api/connection; false for any other path. */
export async function handleConnectionRequest(
  shell: ConnectionShell,
  req: IncomingMessage,
  res: ServerResponse,
  send: (res: ServerResponse, status: number, body: unknown) => void,
): Promise<boolean> {
  const path = (req.url ?? '').split('?')[0];
  if (path === CONNECTION_PATH && req.method === 'GET') {
    send(res, 200, await shell.current());
    return true;
  }
  if ((path === `${CONNECTION_PATH}/check` || path === `${CONNECTION_PATH}/choose`) && req.method === 'POST') {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse((await readBody(req, 4_096)) ?? '') as Record<string, unknown>;
    } catch {
      send(res, 400, { ok: false, reason: 'invalidAddress' });
      return true;
    }
    if (path.endsWith('/check')) send(res, 200, await shell.check(String(body.address ?? ''), String(body.fingerprint ?? '')));
    else send(res, 200, await shell.choose(body as Parameters<ConnectionShell['choose']>[0]));
    return true;
  }
  return false;
}
