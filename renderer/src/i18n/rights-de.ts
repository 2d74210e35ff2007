// German texts of what the client's consent decides and of their word on the
// conclusions: offers without consent to contact, the consent history, life
// events, objection to profiling. rights-en.ts has the same keys.
export const rightsDe = {
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
