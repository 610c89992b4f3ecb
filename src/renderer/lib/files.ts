import type { FilePayload } from '../../shared/api/files';

export type { FilePayload };

export function payloadToBlob(file: FilePayload): Blob {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: file.mimeType });
}

/** Saves through the browser's download (Electron shows its save dialog for the same call). */
export function downloadFile(file: FilePayload): void {
  const url = URL.createObjectURL(payloadToBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
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
