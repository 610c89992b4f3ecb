import type { CliCommand } from '../command';
import { verifyCommand } from './verify';
import { importReferralsCommand } from './import-referrals';
import { exportCarePlansCommand } from './export-careplans';
import { statsCommand } from './stats';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { meetingsCommand } from './meetings';
import { exportIcsCommand } from './export-ics';
import { exportAgendaCommand, exportRepliesCommand } from './case-lists';
import { demoDataCommand } from './demo-data';
import { exportFormCommand, importFormsCommand } from './referral-forms';
import { initCommand } from './init';
import { serveCommand } from './serve';
import { serverInitCommand } from './server-init';

/** Every CLI command; features add theirs here (one file each, one line each). */
export const commands: CliCommand[] = [
  initCommand,
  verifyCommand,
  backupCommand,
  restoreCommand,
  importReferralsCommand,
  importFormsCommand,
  exportFormCommand,
  meetingsCommand,
  exportIcsCommand,
  exportAgendaCommand,
  exportRepliesCommand,
  exportCarePlansCommand,
  statsCommand,
  demoDataCommand,
  serverInitCommand,
  serveCommand,
];
