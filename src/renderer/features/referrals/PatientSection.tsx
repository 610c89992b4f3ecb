import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';
import type { Output } from '../../../shared/api';

export interface PatientDraft {
  identifierKind: 'national' | 'reservnummer';
  identifier: string;
  issuerRegionCode: string;
  familyName: string;
  givenName: string;
}

export type Lookup = Output<'patients.lookup'>;

interface Props {
  draft: PatientDraft;
  set(patch: Partial<PatientDraft>): void;
  /** Runs the identifier check (and finds an existing patient) when the user leaves the field. */
  onIdentifierDone(): void;
  lookup: Lookup | null;
  fe(field: string): string | null;
}

/** The patient: identifier of any Swedish kind, checked as soon as it is typed, and the names. */
export function PatientSection({ draft, set, onIdentifierDone, lookup, fe }: Props) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const idLabel = draft.identifierKind === 'national' ? t('referralForm.kind.national') : t('referralForm.kind.reservnummer');
  return (
    <>
      <Field label={t('referralForm.identifierKind')}>
        <select value={draft.identifierKind} onChange={(e) => set({ identifierKind: e.target.value as 'national' })}>
          <option value="national">{t('referralForm.kind.national')}</option>
          <option value="reservnummer">{t('referralForm.kind.reservnummer')}</option>
        </select>
      </Field>
      <Field
        label={idLabel}
        error={fe('identifier')}
        hint={
          lookup
            ? t('referralForm.derived', {
                system: t(`identifierSystem.${lookup.system}`),
                birthDate: lookup.birthDate ?? '–',
                sex: lookup.sex ? t(`sex.${lookup.sex}`) : '–',
                age: lookup.age ?? '–',
              })
            : undefined
        }
      >
        <input value={draft.identifier} maxLength={40} autoComplete="off" onChange={(e) => set({ identifier: e.target.value })} onBlur={onIdentifierDone} />
      </Field>
      {draft.identifierKind === 'reservnummer' && (
        <Field label={t('referralForm.issuerRegion')} error={fe('issuerRegionCode')}>
          <select value={draft.issuerRegionCode} onChange={(e) => set({ issuerRegionCode: e.target.value })} onBlur={onIdentifierDone}>
            <option value="" />
            {reference.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {lookup?.patient && (
        <p className="banner banner-ok field-wide" role="status">
          {t('referralForm.existingPatient', { name: `${lookup.patient.givenName} ${lookup.patient.familyName}` })}
        </p>
      )}
      <Field label={t('referralForm.familyName')} error={fe('familyName')}>
        <input value={draft.familyName} maxLength={200} onChange={(e) => set({ familyName: e.target.value })} />
      </Field>
      <Field label={t('referralForm.givenName')} error={fe('givenName')}>
        <input value={draft.givenName} maxLength={200} onChange={(e) => set({ givenName: e.target.value })} />
      </Field>
    </>
  );
}
