import type { Handlers } from '../../router/router';
import type { Language } from '../../../shared/api/methods/system';
import { getSetting, setSetting } from '../settings';
import { getReferenceData, saveCareArea, saveUnit } from './reference';
import { getWorkplace, setWorkplace } from './workplace';
import { appVersion, currentSchemaVersion } from '../../version';
import { databaseFile } from '../../core-files';

export const systemHandlers: Pick<
  Handlers,
  'system.info' | 'settings.setLanguage' | 'workplace.set' | 'reference.get' | 'reference.saveUnit' | 'reference.addReferringUnit' | 'reference.saveCareArea'
> = {
  'system.info': (_input, ctx) => ({
    appVersion: appVersion(),
    dataDir: ctx.caller.role === 'administrator' ? ctx.dataDir : null,
    databaseFile: ctx.caller.role === 'administrator' ? databaseFile(ctx.dataDir) : null,
    schemaVersion: currentSchemaVersion(ctx.db),
    language: getSetting<Language>(ctx.db, 'ui.language', 'sv'),
    workplace: getWorkplace(ctx.db),
    demo: getSetting<boolean>(ctx.db, 'demo.loaded', false),
  }),
  'settings.setLanguage': ({ language }, ctx) => {
    setSetting(ctx.db, 'ui.language', language);
    return { language };
  },
  'workplace.set': (input, ctx) => setWorkplace(ctx.db, input),
  'reference.get': (_input, ctx) => getReferenceData(ctx.db),
  'reference.saveUnit': (input, ctx) => saveUnit(ctx.db, input as Parameters<typeof saveUnit>[1]),
  'reference.addReferringUnit': (input, ctx) => saveUnit(ctx.db, input as Parameters<typeof saveUnit>[1]),
  'reference.saveCareArea': (input, ctx) => saveCareArea(ctx.db, input as Parameters<typeof saveCareArea>[1]),
};
