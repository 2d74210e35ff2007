// German texts of the client's rights on the client page: the export of
// everything held about the client (the same words head the PDF's sections)
// and the correction the client asked for. rights-en.ts has the same keys.
export const rightsDe = {
  exportTitle: 'Daten des Kunden',
  exportExplain: 'Alles, was über den Kunden gespeichert ist: zum Lesen als PDF, maschinenlesbar als JSON-Datei. Mit Verbindung zum Hersteller wird dessen Bestand abgeglichen.',
  pdfLanguage: 'Sprache des PDF',
  languages: { de: 'Deutsch', en: 'Englisch' } as Record<string, string>,
  asPdf: 'Als PDF',
  asJson: 'Als JSON',
  working: 'Wird zusammengestellt …',
  downloaded: 'Heruntergeladen: {{file}}',
  deviceOnly: 'Ohne Verbindung zum Hersteller: Die Datei zeigt, was auf diesem Gerät gespeichert ist.',
  correctedAtRequest: 'Auf Wunsch des Kunden berichtigt',
  correctedAtRequestHint: 'Die Änderung wird als Berichtigung festgehalten: was, vorher, nachher, von wem, wann.',
  corrections: 'Berichtigungen auf Wunsch des Kunden',
  correctionItem: '{{field}}: „{{before}}“ → „{{after}}“',
  correctionBy: '{{who}}, {{when}}',
  empty: '(leer)',
  doc: {
    title: 'Auskunft über die gespeicherten Daten',
    about: 'über {{name}}',
    madeAt: 'Erstellt am {{when}}',
    sourceBoth: 'Diese Auskunft zeigt, was auf diesem Gerät und beim Hersteller gespeichert ist. Wo sich beide unterscheiden, stehen beide Fassungen.',
    sourceDevice: 'Diese Auskunft zeigt nur, was auf diesem Gerät gespeichert ist; der Bestand beim Hersteller war nicht erreichbar. Letzter Abgleich: {{when}}.',
    sourceDeviceNever: 'Diese Auskunft zeigt nur, was auf diesem Gerät gespeichert ist. Dieses Gerät wurde noch nie mit dem Hersteller abgeglichen.',
    none: 'Keine Einträge.',
    record: 'Eintrag {{n}}',
    sync: {
      differs: 'Beim Hersteller abweichend gespeichert:',
      only_this_device: 'Nur auf diesem Gerät – noch nicht an den Hersteller übertragen.',
      only_manufacturer: 'Nur beim Hersteller gespeichert.',
    } as Record<string, string>,
    section: {
      master: 'Stammdaten', answers: 'Angaben zum Profil', conclusions: 'Einschätzungen zum Kunden', consents: 'Einwilligungen (Verlauf)',
      touchpoints: 'Kontakte', tasks: 'Aufgaben', appointments: 'Geplante Termine', meetings: 'Gespräche und Beratungsdokumentation', mandates: 'Vollmachten und Käufe darunter',
      holdings: 'Verträge', offerOutcomes: 'Angebote und Entscheidungen', alerts: 'Hinweise der Assistenz-App und ihre Anlässe',
      access: 'Wer Zugriff hat', corrections: 'Berichtigungen', sales: 'Käufe im Handel und Preisfreigaben',
    } as Record<string, string>,
    answeredByClient: 'Angabe des Kunden, festgehalten von {{who}}',
    answeredByAdvisor: 'Einschätzung von {{who}}',
    when: 'am {{when}}',
    consentLine: '{{purpose}}: {{state}} ({{method}}), {{when}}, festgehalten von {{who}}',
    conclusionSource: { rule: 'nach den Regeln des Herstellers', advisor: 'von {{who}} festgelegt', assistant: 'aus einem Hinweis der Assistenz-App' } as Record<string, string>,
    meetingLine: 'Gespräch mit {{who}}, {{when}}',
    appointmentLine: 'Termin am {{when}} ({{minutes}} Minuten): {{purpose}}',
    appointmentCancelled: 'abgesagt', appointmentHeld: 'hat stattgefunden',
    adviceLine: 'Beratungsdokumentation, Fassung {{n}}: {{state}}',
    mandateLine: 'Vollmacht für {{who}}: {{summary}}, gültig ab {{from}}',
    mandateUntil: 'bis {{until}}',
    budgetLeft: 'Im laufenden Zeitraum übrig: {{left}} von {{budget}}',
    purchaseLine: 'Kauf am {{on}} durch {{who}}: {{items}}, {{price}}',
    holdingLine: '{{product}} seit {{since}}, Jahresbeitrag {{premium}}',
    holdingEnded: 'beendet am {{day}}',
    outcomeLine: '{{offer}}: {{outcome}}, {{when}}, festgehalten von {{who}}',
    alertLine: '{{conclusion}} – eingegangen am {{when}}; Stand: {{status}}',
    signalLine: 'Anlass: „{{evidence}}“, bemerkt am {{when}}',
    signalSource: 'gemeldet von {{source}}',
    owner: '{{name}} (zuständig)',
    shared: '{{name}} (geteilt)',
    coach: '{{name}} (Life-Coach mit Vollmacht)',
    correctionLine: '{{field}}: vorher „{{before}}“, nachher „{{after}}“ – {{who}}, {{when}}',
    saleLine: 'Kauf von {{product}} am {{on}} zu {{price}}, erfasst von {{who}}',
    approvalLine: 'Preisanfrage für {{product}} zu {{price}} am {{when}}: {{state}}',
    taskLine: '{{title}} – {{state}}',
    taskOpen: 'offen', taskDone: 'erledigt',
    unknownPerson: 'eine Person, die dieses Gerät nicht kennt',
  },
  // What the client's consent decides and their word on the conclusions.
  offers: {
    noContact: 'Keine Einwilligung zur Kontaktaufnahme: keine Angebote. Erst wenn der Kunde einwilligt, wegen Angeboten angesprochen zu werden, schlägt die App welche vor.',
    grantHere: 'Stimmt der Kunde jetzt zu, halten Sie es hier fest:',
  },
  alerts: {
    noContactOffers: 'Keine Einwilligung zur Kontaktaufnahme: keine Angebote zum Vorschlagen. Nur was die Vollmacht deckt, können Sie kaufen.',
  },
  history: {
    title: 'Verlauf je Zweck, neueste zuerst',
    entry: '{{when}}: {{state}} {{method}}, festgehalten von {{who}}',
    note: 'Notiz: {{note}}',
    you: 'Ihnen',
    someoneElse: 'einer anderen Person mit Zugriff',
    none: 'Zu diesem Zweck noch nichts festgehalten.',
  },
  conclusions: {
    noProfiling: 'Keine Einwilligung zur Profilbildung: Es werden keine neuen Einschätzungen ermittelt, und die bisherigen werden für nichts verwendet – weder für Segment-Hinweise noch für Angebote, Kundenwert oder Hinweise. Der Kunde kann sie trotzdem bestätigen oder ablehnen.',
    lifeEventsTitle: 'Lebensereignisse',
    lifeEventsExplain: 'Was die Assistenz-App des Kunden bemerkt hat. Lehnt der Kunde ein Ereignis ab, kommen dazu keine Hinweise mehr.',
    lifeEventsNone: 'Keine Lebensereignisse erkannt.',
  },
};

export const rightsErrorsDe = {
  correction_stale: 'Der Wert wurde inzwischen geändert. Bitte die Kundendaten neu öffnen und die Berichtigung am aktuellen Wert vornehmen.',
};

export const rightsSyncDe = {
  correction_stale: 'Die Berichtigung passte nicht mehr: Der Wert war inzwischen an anderer Stelle geändert worden. Bitte prüfen und die Berichtigung erneut festhalten.',
};
