import type { CliCommand } from '../command';
import { checkHealth } from '../../db/migrate';
import { currentSchemaVersion } from '../../version';
import { databaseFile } from '../../core-files';
import { EXIT } from '../errors';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'mdk verify',
  summary: 'cli.summary.verify',
  async run(ctx) {
    const report = checkHealth(ctx.core.db);
    const faults = report.foreignKeyViolations.length;
    ctx.out(ctx.t('cli.verify.database', { file: databaseFile(ctx.core.dataDir), version: currentSchemaVersion(ctx.core.db) }));
    ctx.out(`integrity_check: ${report.integrity.join('; ')}`);
    ctx.out(`foreign_key_check: ${faults === 0 ? 'ok' : ctx.t('cli.verify.faultCount', { n: faults })}`);
    for (const v of report.foreignKeyViolations) ctx.err(ctx.t('cli.verify.violation', { table: v.table, rowid: String(v.rowid), parent: v.parent }));
    ctx.out(ctx.t(report.ok ? 'cli.verify.healthy' : 'cli.verify.faulty'));
    return report.ok ? EXIT.done : EXIT.problems;
  },
};
