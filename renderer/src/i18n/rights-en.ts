// English texts of what the client's consent decides and of their word on the
// conclusions. rights-de.ts has the same keys.
export const rightsEn = {
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
