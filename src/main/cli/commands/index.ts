import type { CliCommand } from '../command';
import { verifyCommand } from './verify';
import { exportAgendaCommand, exportRepliesCommand } from './case-lists';

/** Every CLI command; features add theirs here (one file each). */
export const commands: CliCommand[] = [verifyCommand, exportAgendaCommand, exportRepliesCommand];
