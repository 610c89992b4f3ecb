import type { ReferenceData } from '../../../shared/domain/reference';
import type { Language } from '../../../shared/api/methods/system';

export function careAreaName(reference: ReferenceData, code: string, lang: Language): string {
  const a = reference.careAreas.find((c) => c.code === code);
  return a ? (lang === 'sv' ? a.nameSv : a.nameEn) : code;
}

export function regionName(reference: ReferenceData, code: string, lang: Language): string {
  const h = reference.healthcareRegions.find((r) => r.code === code);
  return h ? (lang === 'sv' ? h.nameSv : h.nameEn) : code;
}

/** UTC instant → local "YYYY-MM-DD HH:MM" in the clinic's zone. */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** Bytes of a picked file as base64, for the API (chunked: large files would overflow the call stack). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
