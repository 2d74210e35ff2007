// English texts of the client's rights (rights-de.ts has the same keys).
import type { rightsDe, rightsErrorsDe, rightsSyncDe } from './rights-de.ts';

export const rightsEn: typeof rightsDe = {
  exportTitle: 'The client’s data',
  exportExplain: 'Everything held about the client: to read as a PDF, machine-readable as a JSON file. When connected, the manufacturer’s copy is reconciled with it.',
  pdfLanguage: 'Language of the PDF',
  languages: { de: 'German', en: 'English' },
  asPdf: 'As PDF',
  asJson: 'As JSON',
  working: 'Putting it together …',
  downloaded: 'Downloaded: {{file}}',
  deviceOnly: 'Not connected to the manufacturer: the file shows what this device holds.',
  correctedAtRequest: 'Corrected at the client’s request',
  correctedAtRequestHint: 'The change is recorded as a correction: what, before, after, by whom, when.',
  corrections: 'Corrections at the client’s request',
  correctionItem: '{{field}}: “{{before}}” → “{{after}}”',
  correctionBy: '{{who}}, {{when}}',
  empty: '(empty)',
  doc: {
    title: 'Your data as held',
    about: 'about {{name}}',
    madeAt: 'Made on {{when}}',
    sourceBoth: 'This shows what is held on this device and at the manufacturer. Where the two differ, both versions are shown.',
    sourceDevice: 'This shows only what is held on this device; the manufacturer’s copy could not be reached. Last synced: {{when}}.',
    sourceDeviceNever: 'This shows only what is held on this device. This device has never synced with the manufacturer.',
    none: 'Nothing held.',
    record: 'Record {{n}}',
    sync: {
      differs: 'Held differently at the manufacturer:',
      only_this_device: 'Only on this device – not yet sent to the manufacturer.',
      only_manufacturer: 'Held only at the manufacturer.',
    },
    section: {
      master: 'Master data', answers: 'Profile answers', conclusions: 'Conclusions about the client', consents: 'Consents (history)',
      touchpoints: 'Contacts', tasks: 'Tasks', appointments: 'Planned meetings', meetings: 'Meetings and advice records', mandates: 'Mandates and purchases under them',
      holdings: 'Holdings', offerOutcomes: 'Offers and decisions', alerts: 'Assistant app alerts and what prompted them',
      access: 'Who has access', corrections: 'Corrections', sales: 'Purchases in store and price approvals',
    },
    answeredByClient: 'The client’s answer, recorded by {{who}}',
    answeredByAdvisor: 'Assessment by {{who}}',
    when: 'on {{when}}',
    consentLine: '{{purpose}}: {{state}} ({{method}}), {{when}}, recorded by {{who}}',
    conclusionSource: { rule: 'by the manufacturer’s rules', advisor: 'set by {{who}}', assistant: 'from an assistant app alert' },
    meetingLine: 'Meeting with {{who}}, {{when}}',
    adviceLine: 'Advice record, version {{n}}: {{state}}',
    mandateLine: 'Mandate for {{who}}: {{summary}}, valid from {{from}}',
    mandateUntil: 'until {{until}}',
    budgetLeft: 'Left in the current period: {{left}} of {{budget}}',
    purchaseLine: 'Purchase on {{on}} by {{who}}: {{items}}, {{price}}',
    holdingLine: '{{product}} since {{since}}, yearly premium {{premium}}',
    holdingEnded: 'ended on {{day}}',
    outcomeLine: '{{offer}}: {{outcome}}, {{when}}, recorded by {{who}}',
    alertLine: '{{conclusion}} – received on {{when}}; status: {{status}}',
    signalLine: 'Prompted by: “{{evidence}}”, noticed on {{when}}',
    signalSource: 'reported by {{source}}',
    owner: '{{name}} (responsible)',
    shared: '{{name}} (shared)',
    coach: '{{name}} (life coach with a mandate)',
    correctionLine: '{{field}}: before “{{before}}”, after “{{after}}” – {{who}}, {{when}}',
    saleLine: 'Purchase of {{product}} on {{on}} at {{price}}, recorded by {{who}}',
    approvalLine: 'Price request for {{product}} at {{price}} on {{when}}: {{state}}',
    taskLine: '{{title}} – {{state}}',
    appointmentLine: 'Meeting on {{when}} ({{minutes}} minutes): {{purpose}}',
    appointmentCancelled: 'cancelled', appointmentHeld: 'held',
    taskOpen: 'open', taskDone: 'done',
    unknownPerson: 'a person this device does not know',
  },
  // What the client's consent decides and their word on the conclusions.
  offers: {
    noContact: 'No consent to contact: no offers. Once the client agrees to be contacted about offers, the app proposes some.',
    grantHere: 'If the client agrees now, record it here:',
  },
  alerts: {
    noContactOffers: 'No consent to contact: no offers to propose. You can only buy what the mandate covers.',
  },
  history: {
    title: 'History per purpose, newest first',
    entry: '{{when}}: {{state}} {{method}}, recorded by {{who}}',
    note: 'Note: {{note}}',
    you: 'you',
    someoneElse: 'another person with access',
    none: 'Nothing recorded for this purpose yet.',
  },
  conclusions: {
    noProfiling: 'No consent to profiling: no new conclusion is drawn, and the existing ones are used for nothing – not for segment hints, offers, the value tier or alerts. The client can still confirm or reject them.',
    lifeEventsTitle: 'Life events',
    lifeEventsExplain: "What the client's assistant app noticed. If the client rejects an event, no more alerts come about it.",
    lifeEventsNone: 'No life events detected.',
  },
};

export const rightsErrorsEn: typeof rightsErrorsDe = {
  correction_stale: 'The value was changed meanwhile. Open the client’s details again and make the correction on the current value.',
};

export const rightsSyncEn: typeof rightsSyncDe = {
  correction_stale: 'The correction no longer fitted: the value had been changed elsewhere meanwhile. Check it and record the correction again.',
};
