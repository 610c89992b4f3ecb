import type { Lang } from '../../../shared/i18n';

/** A care area and an inclusive period, with the language names are given in. */
export interface Period {
  careAreaCode: string;
  from: string;
  to: string;
  lang: Lang;
}
