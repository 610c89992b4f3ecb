/** A file produced by the backend (PDF, iCalendar, CSV, FHIR JSON), carried as base64 over the API. */
export interface FilePayload {
  fileName: string;
  mimeType: string;
  base64: string;
}
