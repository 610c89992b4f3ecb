import type { CliCommand } from '../command';
import { verifyCommand } from './verify';
import { statsCommand } from './stats';

/** Every CLI command; features add theirs here (one file each). */
export const commands: CliCommand[] = [verifyCommand, statsCommand];
