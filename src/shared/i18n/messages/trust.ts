import type { MessageBundle } from '../types';

/**
 * Records that cannot say what did not happen: a meeting recorded only once it has begun and, without
 * quorum, only with the chair's reason; a care plan finalised only when the patient can reach the unit.
 */
export const trust = {
  sv: {
    'meeting.notStarted':
      'Mötet har inte börjat än: det börjar {date} kl. {time}. Rekommendationer registreras och mötet fastställs först när mötet har börjat.',
    'meeting.notQuorate':
      'Mötet är inte beslutsmässigt: {count} obligatoriska roller saknas bland de närvarande. Ordföranden kan fastställa ändå och ange skäl.',
    'meeting.notQuorateTitle': 'Mötet är inte beslutsmässigt',
    'meeting.notQuorateMissing': 'Roller som saknas: {roles}.',
    'meeting.notQuorateReason': 'Skäl att fastställa utan beslutsförhet',
    'meeting.finaliseWithoutQuorum': 'Fastställ utan beslutsförhet',
    'meeting.notQuorateRecord': 'Mötet fastställdes utan beslutsförhet. Roller som saknades: {roles}. Skäl: {reason}',
    'carePlan.contactIncomplete': 'Vårdplanen kan inte fastställas förrän patienten kan nå er. Fyll i det som saknas:',
    'carePlan.missing.nationalUnit': 'Den nationella vårdenheten saknas – välj den i vårdplanen under Kontaktuppgifter.',
    'carePlan.missing.unitPhone': 'Enhetens telefonnummer saknas – fyll i det under Inställningar → Enheter → {unit}.',
    'carePlan.missing.phoneHours': 'När patienten kan ringa (telefontider) saknas – fyll i det under Inställningar → Enheter → {unit}.',
    'carePlan.missing.contactNurse': 'Kontaktsjuksköterskans namn saknas – fyll i det i vårdplanen under Kontaktuppgifter.',
    'carePlan.missing.contactNursePhone': 'Kontaktsjuksköterskans direktnummer saknas – fyll i det i vårdplanen under Kontaktuppgifter.',
    'carePlan.diagnosisCode': 'Diagnoskod (ICD-10)',
    'carePlan.diagnosisIcdText': 'Text enligt ICD-10-SE',
    'carePlan.diagnosisNotInList': 'Koden finns inte i programmets utdrag ur ICD-10-SE; patienten ser bara koden.',
    'carePlan.diagnosisPlain': 'Förklaring i vardagligt språk (valfri)',
    'carePlan.diagnosisUnknownCode': 'Ange en ICD-10-kod, t.ex. C21.1.',
  },
  en: {
    'meeting.notStarted':
      'The meeting has not started yet: it starts on {date} at {time} (Swedish time). Recommendations are recorded and the meeting finalised only once it has started.',
    'meeting.notQuorate': 'The meeting is not quorate: {count} required roles are missing among those present. The chair can finalise anyway, giving a reason.',
    'meeting.notQuorateTitle': 'The meeting is not quorate',
    'meeting.notQuorateMissing': 'Missing roles: {roles}.',
    'meeting.notQuorateReason': 'Reason to finalise without quorum',
    'meeting.finaliseWithoutQuorum': 'Finalise without quorum',
    'meeting.notQuorateRecord': 'The meeting was finalised without quorum. Missing roles: {roles}. Reason: {reason}',
    'carePlan.contactIncomplete': 'The care plan cannot be finalised until the patient can reach you. Fill in what is missing:',
    'carePlan.missing.nationalUnit': 'The national unit is missing – choose it in the care plan under Contact details.',
    'carePlan.missing.unitPhone': "The unit's phone number is missing – fill it in under Settings → Units → {unit}.",
    'carePlan.missing.phoneHours': 'When the patient can call (phone hours) is missing – fill it in under Settings → Units → {unit}.',
    'carePlan.missing.contactNurse': "The contact nurse's name is missing – fill it in in the care plan under Contact details.",
    'carePlan.missing.contactNursePhone': "The contact nurse's direct number is missing – fill it in in the care plan under Contact details.",
    'carePlan.diagnosisCode': 'Diagnosis code (ICD-10)',
    'carePlan.diagnosisIcdText': 'Text in ICD-10-SE',
    'carePlan.diagnosisNotInList': 'The code is not in the program’s extract of ICD-10-SE; the patient sees the code alone.',
    'carePlan.diagnosisPlain': 'Explanation in plain language (optional)',
    'carePlan.diagnosisUnknownCode': 'Enter an ICD-10 code, e.g. C21.1.',
  },
} satisfies MessageBundle;
