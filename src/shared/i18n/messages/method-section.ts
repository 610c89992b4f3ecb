import type { MessageBundle } from '../types';

/** The follow-up report's method section: each figure with its definition. */
export const methodSection = {
  sv: {
    'method.title': 'Metod: mått och definitioner',
    'method.intro': 'Varje mått i rapporten med sin definition. Perioden avser vårdområdet ovan; båda datumen ingår.',
    'method.referrals': 'Anmälningar med mottagningsdatum i perioden, per månad och totalt.',
    'method.per100k':
      'Anmälningar i perioden per 100 000 invånare i den remitterande enhetens region respektive sjukvårdsregion (Halland delas efter enheten), över hela perioden, inte per år.',
    'method.receivedToMdk':
      'Kalenderdagar från mottagningsdatum till MDK-datum (första diskussion) för anmälningar vars MDK-datum ligger i perioden. Inom mål = andel med högst vårdområdets målvärde i dagar.',
    'method.suspicionToMdk': 'Kalenderdagar från välgrundad misstanke till MDK-datum, för anmälningar med känt misstankedatum. Inom mål som ovan.',
    'method.mdkToTreatment': 'Kalenderdagar från MDK-datum till registrerad behandlingsstart.',
    'method.completeAtFirst': 'Andel av de bedömda anmälningarna (mottagna i perioden) som var kompletta utan begäran om komplettering.',
    'method.completionTime': 'Kalenderdagar från en begäran om komplettering till att anmälan blev komplett.',
    'method.meetings': 'Genomförda och inställda möten daterade i perioden; fall per möte = diskuterade fall / genomförda möten.',
    'method.quorum': 'Andel möten med registrerad närvaro där varje roll som mötesserien kräver hade minst en deltagare närvarande eller på distans.',
    'method.attendance': 'Deltagare per roll och närvaro, över möten i perioden.',
    'method.carePlans': 'Utskrivna patienter i perioden med fastställd vårdplan / alla utskrivna i perioden. Målnivå från kvalitetsregistren (95 %).',
    'method.handovers': 'Kalenderdagar från skickad aktiv överlämning till bekräftelse, för överlämningar skickade i perioden.',
    'method.implementationRate':
      'Av fallen med gällande rekommendation från vårdområdets avslutade möten i perioden, efter varje falls senaste status: (påbörjade + genomförda) / (påbörjade + genomförda + avvikelser).',
    'method.conferenceToStart': 'Kalenderdagar från MDK-datum till första datum med status "påbörjad" (annars "genomförd").',
    'method.wishesRecorded':
      'Andel diskuterade fall där rekommendationen anger om patientens önskemål togs tillvara (ja, delvis, nej); "önskemål okända" räknas inte.',
    'method.trialConsidered':
      'Andel diskuterade fall där det anges att en studie övervägdes (med studie och EU CT-nummer eller skäl till att patienten inte är aktuell).',
    'method.postponementRate': 'Bordlagda fall / (diskuterade + bordlagda) på vårdområdets ej inställda möten i perioden.',
    'method.discussionMinutes': 'Minuter från att fallet öppnades till att det stängdes i mötesvyn, för fall med båda tiderna.',
    'method.checklistComplete':
      'Andel diskuterade fall där varje punkt i vårdområdets checklista nMDK är klar: anmälan komplett, bilder och patologi tillgängliga, patienten informerad om anmälan, specialiteter som krävs närvarande, patientens perspektiv diskuterat, studie övervägd, svar skickat och patienten informerad om rekommendationen inom vårdområdets tidsgränser i arbetsdagar (svensk helgdagskalender).',
    'method.median':
      'Median: mittvärdet (medelvärdet av de två mittersta vid jämnt antal). 90:e percentilen: närmaste rang, värdet på plats ⌈0,9·n⌉ i sorterad ordning.',
    'method.targets': 'Mål: vårdområdets målnivåer (Inställningar) visas i tabellerna och som linjer i diagrammen.',
  },
  en: {
    'method.title': 'Method: figures and definitions',
    'method.intro': 'Each figure in the report with its definition. The period refers to the care area above; both dates are included.',
    'method.referrals': 'Referrals with a received date in the period, per month and in total.',
    'method.per100k':
      "Referrals in the period per 100,000 inhabitants of the referring unit's region and healthcare region (Halland is split by the unit), over the whole period, not per year.",
    'method.receivedToMdk':
      "Calendar days from the received date to the MDK date (first discussion), for referrals whose MDK date lies in the period. Within target = share at or below the care area's target in days.",
    'method.suspicionToMdk':
      'Calendar days from the well-founded suspicion to the MDK date, for referrals with a known suspicion date. Within target as above.',
    'method.mdkToTreatment': 'Calendar days from the MDK date to the recorded start of treatment.',
    'method.completeAtFirst': 'Share of the assessed referrals (received in the period) that were complete without a completion request.',
    'method.completionTime': 'Calendar days from a completion request to the referral becoming complete.',
    'method.meetings': 'Meetings held and cancelled dated in the period; cases per meeting = cases discussed / meetings held.',
    'method.quorum': 'Share of meetings with attendance recorded where every role the series requires had at least one participant present or remote.',
    'method.attendance': 'Participants per role and attendance, over the meetings in the period.',
    'method.carePlans':
      'Patients discharged in the period with a finalised care plan / all discharged in the period. Target from the quality registers (95 %).',
    'method.handovers': 'Calendar days from an active handover sent to its confirmation, for handovers sent in the period.',
    'method.implementationRate':
      "Of the cases with a current recommendation from the care area's finalised meetings in the period, by each case's latest status: (started + carried out) / (started + carried out + deviated).",
    'method.conferenceToStart': 'Calendar days from the MDK date to the first date with status "started" (else "carried out").',
    'method.wishesRecorded':
      'Share of discussed cases where the recommendation states whether the patient\'s wishes were taken into account (yes, partly, no); "wishes not known" does not count.',
    'method.trialConsidered':
      'Share of discussed cases recording that a trial was considered (with the trial and its EU CT number, or why the patient is not eligible).',
    'method.postponementRate': "Cases postponed / (discussed + postponed) at the care area's meetings in the period that were not cancelled.",
    'method.discussionMinutes': 'Minutes from opening to closing the case in the meeting view, for cases with both times.',
    'method.checklistComplete':
      "Share of discussed cases where every item of the care area's nMDK checklist is done: referral complete, images and pathology available, patient informed of the referral, required specialties present, the patient's perspective discussed, a trial considered, the reply sent and the patient told of the recommendation within the care area's deadlines in working days (Swedish public holidays).",
    'method.median':
      'Median: the middle value (the mean of the two middle values for an even count). 90th percentile: nearest rank, the value at rank ⌈0.9·n⌉ when sorted.',
    'method.targets': "Targets: the care area's target levels (Settings) are shown in the tables and drawn as lines on the charts.",
  },
} satisfies MessageBundle;
