import { createHash } from 'node:crypto';
import type { Db } from '../../db/driver';
import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { identifierSystem } from '../../../shared/domain/care-plan';
import { DEMO_FHIR_META, isDemo } from '../../demo/marks';

/** A stable urn:uuid per (kind, id), so re-exporting the same plan gives the same references. */
function uuid(kind: string, id: string | number): string {
  const h = createHash('sha1').update(`mdk-coordinator:${kind}:${id}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Json = Record<string, unknown>;
const NARRATIVE_STATUS = 'generated';

function narrative(text: string): Json {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return { status: NARRATIVE_STATUS, div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${esc}</p></div>` };
}

function patientResource(db: Db, plan: CarePlanDetail): Json {
  const p = db.prepare('SELECT given_name, family_name, birth_date, sex FROM patient WHERE id = ?').get(plan.patientId) as {
    given_name: string;
    family_name: string;
    birth_date: string | null;
    sex: 'female' | 'male' | null;
  };
  const ids = db
    .prepare('SELECT system, value, issuer_region_code, is_temporary FROM patient_identifier WHERE patient_id = ? ORDER BY is_temporary, id')
    .all(plan.patientId) as {
    system: 'personnummer' | 'samordningsnummer' | 'reservnummer';
    value: string;
    issuer_region_code: string | null;
    is_temporary: number;
  }[];
  const identifier = ids.map((i) => {
    const system = identifierSystem(i.system, i.issuer_region_code);
    return {
      use: i.system === 'reservnummer' || i.is_temporary ? 'temp' : 'official',
      ...(system ? { system } : {}),
      ...(i.system === 'reservnummer' ? { type: { text: `Reservnummer${i.issuer_region_code ? ` (region ${i.issuer_region_code})` : ''}` } } : {}),
      value: i.value,
    };
  });
  return {
    resourceType: 'Patient',
    id: `patient-${plan.patientId}`,
    ...(identifier.length ? { identifier } : {}),
    name: [{ family: p.family_name, given: [p.given_name] }],
    ...(p.sex ? { gender: p.sex } : {}),
    ...(p.birth_date ? { birthDate: p.birth_date } : {}),
  };
}

function organization(u: NonNullable<CarePlanDetail['nationalUnit']>): Json {
  const telecom = [
    ...(u.phone ? [{ system: 'phone', value: u.phone, use: 'work' }] : []),
    ...(u.email ? [{ system: 'email', value: u.email, use: 'work' }] : []),
  ];
  return {
    resourceType: 'Organization',
    id: `unit-${u.id}`,
    active: true,
    name: u.name,
    ...(telecom.length ? { telecom } : {}),
    ...(u.address ? { address: [{ use: 'work', text: u.address, country: 'SE' }] } : {}),
  };
}

/**
 * The care plan as a FHIR R4 Bundle (type collection): CarePlan, Patient (Swedish identifier systems),
 * Organization (the national unit, and the receiving unit of the handover), CareTeam and a Condition
 * for the diagnosis; follow-up items are CarePlan.activity entries.
 */
export function carePlanBundle(db: Db, plan: CarePlanDetail, now: Date): Json {
  const patientUrl = uuid('patient', plan.patientId);
  const planUrl = uuid('care_plan', plan.id);
  const teamUrl = uuid('care_team', plan.id);
  const entries: { fullUrl: string; resource: Json }[] = [{ fullUrl: patientUrl, resource: patientResource(db, plan) }];
  const orgUrl = plan.nationalUnit ? uuid('unit', plan.nationalUnit.id) : null;
  if (plan.nationalUnit) entries.push({ fullUrl: orgUrl!, resource: organization(plan.nationalUnit) });
  const h = plan.handover;
  if (h && h.receivingUnitId !== plan.nationalUnit?.id) {
    const receiving = db
      .prepare('SELECT id, name, phone, phone_hours AS phoneHours, address, email FROM unit WHERE id = ?')
      .get(h.receivingUnitId) as NonNullable<CarePlanDetail['nationalUnit']>;
    entries.push({ fullUrl: uuid('unit', receiving.id), resource: organization(receiving) });
  }
  const participant = [
    ...(plan.contactNurse
      ? [{ role: [{ text: 'Kontaktsjuksköterska' }], member: { display: plan.contactNurse }, ...(orgUrl ? { onBehalfOf: { reference: orgUrl } } : {}) }]
      : []),
    ...(plan.responsiblePhysician
      ? [
          {
            role: [{ text: 'Patientansvarig läkare' }],
            member: { display: plan.responsiblePhysician },
            ...(orgUrl ? { onBehalfOf: { reference: orgUrl } } : {}),
          },
        ]
      : []),
    ...(h
      ? [
          {
            role: [{ text: 'Mottagande kontaktsjuksköterska (hemregion)' }],
            member: { display: h.receivingContactNurse },
            onBehalfOf: { reference: uuid('unit', h.receivingUnitId) },
          },
        ]
      : []),
  ];
  entries.push({
    fullUrl: teamUrl,
    resource: {
      resourceType: 'CareTeam',
      id: `care-team-${plan.id}`,
      status: 'active',
      name: 'Vårdteam',
      subject: { reference: patientUrl },
      ...(participant.length ? { participant } : {}),
      ...(orgUrl ? { managingOrganization: [{ reference: orgUrl }] } : {}),
    },
  });
  const icd = /^[A-Z]\d{2}(\.\d{1,2})?/.exec(plan.diagnosisText ?? '')?.[0];
  const conditionUrl = uuid('condition', plan.id);
  if (plan.diagnosisText) {
    entries.push({
      fullUrl: conditionUrl,
      resource: {
        resourceType: 'Condition',
        id: `condition-${plan.id}`,
        code: { ...(icd ? { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: icd }] } : {}), text: plan.diagnosisText },
        subject: { reference: patientUrl },
      },
    });
  }
  const notes: [string, string][] = [
    ['Behandling', plan.treatmentSummary ?? ''],
    ['Rehabiliteringsbehov', plan.rehabilitationNeeds],
    ['Rehabiliteringsplan', plan.rehabilitationPlan],
    ['Egenvård', plan.selfCareAdvice],
    ['Varningstecken', plan.warningSigns],
    ['Vem ringer du vardagar', plan.callWeekdays],
    ['Vem ringer du övriga tider', plan.callOtherTimes],
    ['Praktiska saker', plan.practicalMatters],
    ['Dina rättigheter', plan.patientRights],
  ];
  const activity = plan.followUps.map((f) => {
    const place = f.place === 'national_unit' ? (plan.nationalUnit?.name ?? 'Nationell vårdenhet') : 'Hemregionen';
    return {
      detail: {
        kind: 'Appointment',
        status: 'scheduled',
        description: f.what,
        ...(f.date ? { scheduledPeriod: { start: f.date } } : {}),
        ...(!f.date && f.intervalValue ? { scheduledString: `${f.intervalValue} ${f.intervalUnit} efter utskrivning` } : {}),
        location: { display: place },
        performer: [{ display: f.responsible }],
      },
    };
  });
  entries.unshift({
    fullUrl: planUrl,
    resource: {
      resourceType: 'CarePlan',
      id: `care-plan-${plan.id}`,
      text: narrative(`Min vårdplan för ${plan.patientName}, version ${plan.version}.`),
      identifier: [{ system: 'urn:mdk-coordinator:care-plan', value: `${plan.referralId}-${plan.version}` }],
      status: plan.status === 'finalised' ? 'active' : plan.status === 'draft' ? 'draft' : 'revoked',
      intent: 'plan',
      title: 'Min vårdplan',
      description: 'Vårdplan vid utskrivning från nationell vårdenhet, med planering för uppföljning.',
      subject: { reference: patientUrl },
      ...(plan.dischargeDate ? { period: { start: plan.dischargeDate } } : {}),
      ...(plan.finalisedAt ? { created: plan.finalisedAt } : {}),
      ...(orgUrl ? { author: { reference: orgUrl } } : {}),
      careTeam: [{ reference: teamUrl }],
      ...(plan.diagnosisText ? { addresses: [{ reference: conditionUrl }] } : {}),
      ...(activity.length ? { activity } : {}),
      note: notes.filter(([, t]) => t.trim()).map(([label, t]) => ({ text: `${label}: ${t}` })),
    },
  });
  const meta = isDemo(db) ? { meta: DEMO_FHIR_META } : {};
  return { resourceType: 'Bundle', id: `care-plan-bundle-${plan.id}`, ...meta, type: 'collection', timestamp: now.toISOString(), entry: entries };
}
