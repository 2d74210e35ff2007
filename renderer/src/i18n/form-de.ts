// German texts of the self-assessment form: the card on the client's page and
// the PDF the client fills in (the PDF speaks to the client, the card to the
// advisor). form-en.ts has the same keys.
export const formDe = {
  title: 'Selbstauskunft',
  hint: 'Die Fragen des Profils als ausfüllbares PDF: Der Kunde kreuzt zu Hause an und schickt die Datei zurück.',
  language: 'Sprache des Formulars',
  make: 'Formular erstellen',
  made: '{{fileName}} gespeichert. Senden Sie die Datei dem Kunden.',
  read: 'Ausgefülltes Formular einlesen …',
  reading: 'Formular wird gelesen …',
  preview: 'Antworten im Formular vom {{date}}',
  question: 'Frage',
  inForm: 'Antwort des Kunden',
  held: 'Bisher',
  unchanged: 'unverändert',
  none: '–',
  takenBefore: 'Dieses Formular wurde am {{date}} schon eingelesen.',
  nothingNew: 'Alle Antworten des Formulars sind schon so im Profil.',
  byAdvisor: 'vom Berater eingeschätzt',
  empty: 'Der Kunde hat keine Frage beantwortet. Es gibt nichts zu übernehmen.',
  take: '{{count}} Antworten übernehmen',
  take_one: '1 Antwort übernehmen',
  cancel: 'Verwerfen',
  taken: '{{count}} Antworten als Angabe des Kunden übernommen ({{date}}).',
  taken_one: '1 Antwort als Angabe des Kunden übernommen ({{date}}).',
  timeline: 'Selbstauskunft vom {{date}} eingelesen: {{count}} Antworten übernommen',
  // In the PDF, to the client.
  pdf: {
    intro: 'für {{name}}, erstellt am {{date}}',
    from: 'Ihr Berater: {{advisor}}',
    howTo: 'Bitte kreuzen Sie bei jeder Frage an, was für Sie am ehesten zutrifft. Fragen, die Sie nicht beantworten möchten, lassen Sie frei. Speichern Sie die Datei danach und senden Sie sie Ihrem Berater zurück.',
    several: 'Mehrere Antworten möglich.',
    rights: 'Ihre Antworten werden in Ihr Kundenprofil übernommen. Sie können jederzeit einsehen, was über Sie gespeichert ist, es berichtigen oder löschen lassen.',
    page: 'Seite {{n}} von {{of}}',
  },
};

/** Refusals of a returned form. */
export const formErrorsDe = {
  not_a_form: 'Diese Datei ist kein Selbstauskunft-Formular der App. Wählen Sie das PDF, das der Kunde ausgefüllt hat.',
  form_tampered: 'Das Formular wurde anders als durch Ausfüllen verändert. Es wurde nichts übernommen; senden Sie dem Kunden ein neues Formular.',
  form_other_client: 'Dieses Formular wurde für einen anderen Kunden erstellt. Öffnen Sie die Seite dieses Kunden und lesen Sie es dort ein.',
  form_other_device: 'Dieses Formular wurde an einem anderen Arbeitsplatz erstellt. Lesen Sie es dort ein oder senden Sie dem Kunden ein neues.',
};
