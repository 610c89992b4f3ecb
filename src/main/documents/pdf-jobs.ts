/**
 * The documents the PDF worker can render, by name. Each takes a document model already read (and its
 * access logged) on the core's thread and returns the PDF's bytes; all arguments cross to the worker
 * by structured clone, so they are plain data.
 */
import { carePlanPdf } from '../services/care-plans/pdf';
import { followUpPdf } from '../services/follow-up/pdf';
import { agendaPdfBytes } from '../services/case-lists/agenda-pdf';
import { letterPdf } from '../services/case-lists/reply-pdf';

export const pdfJobs = {
  carePlan: carePlanPdf,
  followUp: followUpPdf,
  agenda: agendaPdfBytes,
  reply: letterPdf,
};

export type PdfJobs = typeof pdfJobs;
export type PdfKind = keyof PdfJobs;
