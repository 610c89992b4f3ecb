/**
 * What an administrator does to the protection itself (a changed database key), logged like a
 * patient access: who, when, from where. The table is append-only (migration 0034).
 */
import type { RequestContext } from '../../router/context';
import { clientAddressOf } from '../../security/client-address';

export type SecurityEvent = 'database_rekey';

export function recordSecurityEvent(ctx: RequestContext, userName: string, event: SecurityEvent, detail = ''): void {
  ctx.db
    .prepare(
      `INSERT INTO security_event (at, user_id, user_name, user_full_name, role, client_address, event, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(new Date().toISOString(), ctx.caller.userId, userName, ctx.caller.name, ctx.caller.role, clientAddressOf(ctx.sessionId), event, detail);
}
