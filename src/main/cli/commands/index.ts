import type { CliCommand } from '../command';
import { verifyCommand } from './verify';
import { exportCarePlansCommand } from './export-careplans';

/** Every CLI command; features add theirs here (one file each). */
export const commands: CliCommand[] = [verifyCommand, exportCarePlansCommand];
