import type { MessageBundle } from '../types';

/** The header's indicator of long jobs running in this window (import, batch export, demo load, backup). */
export const jobs = {
  sv: {
    'jobs.progress': '{label}: {done} av {total}',
    'jobs.referrals.importCommit': 'Importerar remisser',
    'jobs.referrals.importPreview': 'Granskar importfilen',
    'jobs.carePlans.batchExport': 'Exporterar vårdplaner',
    'jobs.demo.load': 'Läser in demodata',
    'jobs.backup.create': 'Säkerhetskopierar',
    'jobs.other': 'Arbetar',
  },
  en: {
    'jobs.progress': '{label}: {done} of {total}',
    'jobs.referrals.importCommit': 'Importing referrals',
    'jobs.referrals.importPreview': 'Checking the import file',
    'jobs.carePlans.batchExport': 'Exporting care plans',
    'jobs.demo.load': 'Loading demo data',
    'jobs.backup.create': 'Backing up',
    'jobs.other': 'Working',
  },
} satisfies MessageBundle;
