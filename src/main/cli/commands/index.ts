import type { CliCommand } from '../command';
import { verifyCommand } from './verify';
import { importReferralsCommand } from './import-referrals';

/** Every CLI command; features add theirs here (one file each). */
export const commands: CliCommand[] = [verifyCommand, importReferralsCommand];
