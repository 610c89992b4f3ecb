import type { CliCommand } from '../command';
import { checkHealth } from '../../db/migrate';
import { currentSchemaVersion } from '../../version';
import { databaseFile } from '../../core-files';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'mdk verify',
  summary: 'Kontrollerar databasens integritet och främmande nycklar; felkod vid fel',
  async run(ctx) {
    const report = checkHealth(ctx.core.db);
    ctx.out(`Databas: ${databaseFile(ctx.core.dataDir)} (schema ${currentSchemaVersion(ctx.core.db)})`);
    ctx.out(`integrity_check: ${report.integrity.join('; ')}`);
    ctx.out(`foreign_key_check: ${report.foreignKeyViolations.length === 0 ? 'ok' : report.foreignKeyViolations.length + ' fel'}`);
    for (const v of report.foreignKeyViolations) ctx.err(`  ${v.table} rad ${v.rowid} → ${v.parent}`);
    ctx.out(report.ok ? 'Databasen är frisk.' : 'Databasen har fel.');
    return report.ok ? 0 : 1;
  },
};
