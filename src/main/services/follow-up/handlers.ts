import type { Handlers } from '../../router/router';
import type { Language } from '../../../shared/api/methods/system';
import { getSetting } from '../settings';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { fileSlug } from '../../../shared/domain/report-table';
import { followUpDashboard } from './dashboard';
import { renderPdf } from '../../documents/pdf-pool';
import { followThroughFigures } from '../follow-through/figures';
import { followThroughTables } from '../../../shared/domain/follow-through-tables';
import { translate } from '../../../shared/i18n';

/** Aggregates only: no patient's data leaves these methods, so there is no access to log. */
export const followUpHandlers: Pick<Handlers, 'followUp.dashboard' | 'followUp.exportPdf'> = {
  'followUp.dashboard': (input, ctx) => followUpDashboard(ctx.db, input, getSetting<Language>(ctx.db, 'ui.language', 'sv')),
  'followUp.exportPdf': async (input, ctx) => {
    const lang = getSetting<Language>(ctx.db, 'ui.language', 'sv');
    const dashboard = followUpDashboard(ctx.db, input, lang);
    // The figures after the conference follow, their definitions in the table's note (the method section).
    const moreTables = followThroughTables(followThroughFigures(ctx.db, input), (key, params) => translate(lang, key, params));
    const bytes = await renderPdf('followUp', dashboard, lang, {
      demo: getSetting<boolean>(ctx.db, 'demo.loaded', false),
      today: stockholmToday(ctx.now()),
      moreTables,
    });
    return {
      fileName: `${fileSlug(`uppfoljning ${dashboard.careArea.code} ${input.from} ${input.to}`)}.pdf`,
      mimeType: 'application/pdf',
      base64: bytes.toString('base64'),
    };
  },
};
