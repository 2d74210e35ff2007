// German texts for NPS and CES after purchases and sales, and their trend in
// "Mein Bestand". satisfaction-en.ts has the same keys.
export const satisfactionDe = {
  title: 'Zufriedenheit nach Käufen',
  hint: 'Fragen Sie den Kunden nach einem Kauf: Wie wahrscheinlich empfiehlt er uns weiter (0–10)? Wie einfach war es (1–7)?',
  none: 'Noch kein Kauf, zu dem gefragt werden kann.',
  purchase: 'Kauf mit Vollmacht am {{date}}: {{what}}',
  sale: 'Kauf im Handel am {{date}}: {{what}}',
  nps: 'Weiterempfehlung (0–10)',
  ces: 'Aufwand (1–7)',
  notAsked: '–',
  save: 'Festhalten',
  saved: 'Festgehalten: Weiterempfehlung {{nps}}, Aufwand {{ces}}.',
  // In "Mein Bestand".
  trendTitle: 'Zufriedenheit',
  trendHint: 'Net Promoter Score (−100 bis 100) und Customer Effort Score (1–7, höher ist leichter) je Monat, aus Gesprächen, Käufen mit Vollmacht und Käufen im Handel; in Klammern die Zahl der Antworten.',
  overall: 'Alle Kunden',
  bySegment: 'Nach Segment',
  byTier: 'Nach Wertstufe',
  group: 'Gruppe',
  tier: 'Wertstufe {{tier}}',
  cell: 'NPS {{nps}} · CES {{ces}} ({{n}})',
  empty: 'Noch keine Antworten in den letzten Monaten.',
  sources: 'Antworten: {{meetings}} aus Gesprächen, {{purchases}} nach Käufen mit Vollmacht, {{sales}} nach Käufen im Handel.',
};
