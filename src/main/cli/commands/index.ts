import type { CliCommand } from '../command';
import { verifyCommand } from './verify';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';

/** Every CLI command; features add theirs here (one file each). */
export const commands: CliCommand[] = [verifyCommand, backupCommand, restoreCommand];
