import type { CliCommand } from '../command';
import { verifyCommand } from './verify';
import { meetingsCommand } from './meetings';
import { exportIcsCommand } from './export-ics';

/** Every CLI command; features add theirs here (one file each). */
export const commands: CliCommand[] = [verifyCommand, meetingsCommand, exportIcsCommand];
