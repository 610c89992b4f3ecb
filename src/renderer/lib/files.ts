import type { FilePayload } from '../../shared/api/files';
import { zipFiles } from './zip';

export type { FilePayload };

const bytesOf = (file: FilePayload) => Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));

export function payloadToBlob(file: FilePayload): Blob {
  return new Blob([bytesOf(file)], { type: file.mimeType });
}

/** Saves through the browser's download (Electron shows its save dialog for the same call). */
export function downloadFile(file: FilePayload): void {
  downloadBlob(payloadToBlob(file), file.fileName);
}

/** Several files as one download: the file itself when there is one, else a zip named `zipName`. */
export function downloadFiles(files: FilePayload[], zipName: string): void {
  if (files.length === 1) return downloadFile(files[0]);
  const zip = zipFiles(
    files.map((f) => ({ name: f.fileName, bytes: bytesOf(f) })),
    new Date(),
  );
  downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), zipName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints a PDF through a hidden frame, so the user gets the system print dialog. */
export function printPdf(file: FilePayload): void {
  const url = URL.createObjectURL(payloadToBlob(file));
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => {
      frame.remove();
      URL.revokeObjectURL(url);
    }, 60_000);
  };
  document.body.appendChild(frame);
}
