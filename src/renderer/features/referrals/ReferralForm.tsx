import { useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { ReferralDetail } from '../../../shared/api/methods/referrals';
import { stockholmToday } from '../../../shared/domain/lead-time';
import { useAppStore } from '../../app/store';
import { navigate } from '../../app/router';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useFieldErrors } from '../../ui/Field';
import { PatientSection, type Lookup, type PatientDraft } from './PatientSection';
import { ReferralFieldsSection } from './ReferralFieldsSection';
import { draftToInput, emptyDraft, fieldsToDraft, type ReferralDraft } from './draft';
import { VersionConflict } from '../team/VersionConflict';

/** Registration of a new referral (patient + referral), or editing an open one (referral only). */
export function ReferralForm({ existing }: { existing?: ReferralDetail }) {
  const t = useT();
  const info = useAppStore((s) => s.info)!;
  const [patient, setPatient] = useState<PatientDraft>({ identifierKind: 'national', identifier: '', issuerRegionCode: '', familyName: '', givenName: '' });
  const [draft, setDraft] = useState<ReferralDraft>(() =>
    existing ? fieldsToDraft(existing) : emptyDraft(stockholmToday(), info.workplace?.careAreaCodes.length === 1 ? info.workplace.careAreaCodes[0] : ''),
  );
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // The version this form's save is based on; a newer one on the server is a conflict (team mode).
  const [baseVersion, setBaseVersion] = useState(existing?.rowVersion);
  const [reloaded, setReloaded] = useState(false);
  const fe = useFieldErrors(error);
  const lookupFe = useFieldErrors(lookupError);

  async function checkIdentifier() {
    if (!patient.identifier.trim() || (patient.identifierKind === 'reservnummer' && !patient.issuerRegionCode)) return;
    try {
      const res = await api.call('patients.lookup', {
        identifierKind: patient.identifierKind,
        identifier: patient.identifier,
        issuerRegionCode: patient.issuerRegionCode || null,
      });
      setLookup(res);
      setLookupError(null);
      if (res.patient) setPatient((p) => ({ ...p, familyName: p.familyName || res.patient!.familyName, givenName: p.givenName || res.patient!.givenName }));
    } catch (e) {
      setLookup(null);
      setLookupError(e);
    }
  }

  // A new identifier or kind invalidates the last check.
  useEffect(() => {
    setLookup(null);
    setAllowDuplicate(false);
  }, [patient.identifier, patient.identifierKind, patient.issuerRegionCode]);

  const duplicate = lookup?.openReferrals.find((r) => r.careAreaCode === draft.careAreaCode);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      if (existing) {
        await api.call('referrals.update', { id: existing.id, referral: draftToInput(draft), expectedVersion: baseVersion });
        navigate(`/referrals/${existing.id}`);
      } else {
        const { id } = await api.call('referrals.create', {
          patient: { ...patient, issuerRegionCode: patient.issuerRegionCode || null },
          referral: draftToInput(draft),
          allowDuplicate,
        });
        navigate(`/referrals/${id}`);
      }
    } catch (err) {
      setError(err);
      window.scrollTo({ top: 0 });
    } finally {
      setSaving(false);
    }
  }

  const patientFe = (f: string) => fe(`patient.${f}`) ?? lookupFe(f);
  const isDuplicateConflict = error instanceof ApiError && error.messageKey === 'referral.duplicateOpen';

  /** After a conflict: take the newer version as the base and keep what the user typed (the draft). */
  async function reloadLatest() {
    if (!existing) return;
    try {
      const latest = await api.call('referrals.get', { id: existing.id });
      setBaseVersion(latest.rowVersion);
      setError(null);
      setReloaded(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Page
      title={existing ? t('referralForm.editTitle') : t('referralForm.title')}
      actions={
        <a className="button" href={existing ? `#/referrals/${existing.id}` : '#/referrals'}>
          {t('common.cancel')}
        </a>
      }
    >
      <form onSubmit={submit} noValidate>
        <ErrorBanner error={error} />
        <VersionConflict error={error} reloaded={reloaded} onReload={() => void reloadLatest()} reloadedKey="team.reloaded" />
        <fieldset className="card form-grid">
          <legend>{t('referralForm.patient')}</legend>
          {existing ? (
            <p className="field-wide">
              {existing.patient.givenName} {existing.patient.familyName}, {existing.patient.identifiers[0]?.display}
            </p>
          ) : (
            <PatientSection
              draft={patient}
              set={(p) => setPatient((d) => ({ ...d, ...p }))}
              onIdentifierDone={checkIdentifier}
              lookup={lookup}
              fe={patientFe}
            />
          )}
        </fieldset>
        <fieldset className="card form-grid">
          <legend>{t('referralForm.referral')}</legend>
          <ReferralFieldsSection draft={draft} set={(k, v) => setDraft((d) => ({ ...d, [k]: v }))} fe={(f) => fe(`referral.${f}`)} />
        </fieldset>
        {(duplicate || isDuplicateConflict) && !existing && (
          <div className="banner banner-warn" role="alert">
            {duplicate && <p>{t('referralForm.duplicateWarning', { date: duplicate.receivedDate, status: t(`referral.status.${duplicate.status}`) })}</p>}
            <label className="check">
              <input type="checkbox" checked={allowDuplicate} onChange={(e) => setAllowDuplicate(e.target.checked)} />
              {t('referralForm.allowDuplicate')}
            </label>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {existing ? t('referralForm.saveChanges') : t('referralForm.save')}
          </button>
        </div>
      </form>
    </Page>
  );
}
