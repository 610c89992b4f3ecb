import type { FilePayload } from '../../../shared/api/files';
import { downloadFile } from '../../lib/files';

/** Saves every file of an export (invitations, and cancellations as a second file when there are any). */
export function downloadAll(files: FilePayload[]): void {
  files.forEach((f, i) => setTimeout(() => downloadFile(f), i * 300));
}
