import type { Handlers } from '../../../router/router';
import { withPreparation } from '../../../router/prepared';
import { referralFormPdf } from './generate';
import { commitForms, originalForm, previewForms, readFormFiles } from './import';

type Methods = 'referralForms.pdf' | 'referralForms.importPreview' | 'referralForms.importCommit' | 'referralForms.original';

export const referralFormHandlers: Pick<Handlers, Methods> = {
  'referralForms.pdf': async ({ careAreaCode }, ctx) => {
    const { fileName, bytes } = await referralFormPdf(ctx.db, careAreaCode);
    return { fileName, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  },
  'referralForms.importPreview': withPreparation({ prepare: readFormFiles, run: (_input, ctx, files) => previewForms(ctx, files) }),
  'referralForms.importCommit': withPreparation({ prepare: readFormFiles, run: (_input, ctx, files) => commitForms(ctx, files) }),
  'referralForms.original': ({ referralId }, ctx) => originalForm(ctx, referralId),
};
