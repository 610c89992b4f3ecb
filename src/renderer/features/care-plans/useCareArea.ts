import { useAppStore } from '../../app/store';

/** The care area's name in the user's language (codes are for the database, not for people). */
export function useCareAreaName(): (code: string) => string {
  const reference = useAppStore((s) => s.reference);
  const lang = useAppStore((s) => s.lang);
  return (code) => {
    const area = reference?.careAreas.find((a) => a.code === code);
    return area ? (lang === 'sv' ? area.nameSv : area.nameEn) : code;
  };
}
