import type { CliCommand } from '../command';
import { verifyCommand } from './verify';

/** Every CLI command; features add theirs here (one file each). */
export const commands: CliCommand[] = [verifyCommand];
