// German texts for the demo book: notes, meeting reasons, touchpoint summaries
// and outcomes, task titles. Short, varied, in an advisor's everyday wording,
// and built once at load time so that generating a large book only reuses them.

/** Products of the demo catalogue by id, with their German names. */
export const PRODUCTS = {
  liability_private: 'Privathaftpflicht',
  liability_drone: 'Drohnen-Baustein',
  household_contents: 'Hausratversicherung',
  household_bike: 'Fahrrad-Baustein',
  household_natural_hazards: 'Elementarschaden-Baustein',
  building: 'Wohngebäudeversicherung',
  car: 'Kfz-Versicherung',
  car_pay_as_you_drive: 'Telematik-Tarif',
  car_short_term: 'Kurzzeit-Kfz',
  ebike: 'E-Bike-Versicherung',
  travel_cancellation: 'Reiserücktritt',
  travel_health_abroad: 'Auslandsreise-Krankenversicherung',
  accident: 'Unfallversicherung',
  accident_child: 'Kinderunfallversicherung',
  disability_income: 'Berufsunfähigkeitsversicherung',
  term_life: 'Risikolebensversicherung',
  child_savings: 'Kindervorsorge',
  pension_private: 'Private Rentenversicherung',
  legal_protection: 'Rechtsschutzversicherung',
  device_protection: 'Geräteschutz',
  extended_warranty: 'Garantieverlängerung',
  travel_package_cover: 'Reiseschutz-Paket',
  furniture_transit: 'Umzugsgut-Transportversicherung',
  green_household: 'Hausrat "Grün"',
  club_liability: 'Vereins-Haftpflicht',
  equestrian_liability: 'Pferdehalter-Haftpflicht',
} as const;
export type ProductId = keyof typeof PRODUCTS;

/** Who a note can be about: any adult, or only some ages, or only parents of children at home. */
export interface NoteFragment { text: string; minAge?: number; maxAge?: number; kids?: boolean }

const n = (text: string, minAge?: number, maxAge?: number, kids?: boolean): NoteFragment => ({ text, minAge, maxAge, kids });

/** Fragments of the free-text client notes; one to three are joined per client. */
export const NOTE_FRAGMENTS: readonly NoteFragment[] = [
  n('Ruft lieber abends an, tagsüber im Schichtdienst', 18, 64),
  n('Bitte nur nach 18 Uhr anrufen'),
  n('Am besten per E-Mail erreichbar, Telefon selten', 18, 70),
  n('Reitet seit der Jugend, eigenes Pferd im Stall am Ortsrand'),
  n('Tochter nimmt Reitunterricht, ein Pflegepferd ist im Gespräch', 28, 55, true),
  n('Sitzt im Vorstand des Kindergarten-Fördervereins', 25, 50, true),
  n('Engagiert sich im Elternbeirat der Grundschule', 27, 52, true),
  n('Trainiert ehrenamtlich die F-Jugend im Fußballverein', 20, 65),
  n('Kassenwart im Tennisclub'),
  n('Aktiv in der Freiwilligen Feuerwehr', 18, 67),
  n('Singt im Kirchenchor'),
  n('Spielt Posaune im Musikverein, Instrument ist wertvoll'),
  n('Fährt am Wochenende Rennrad, teures Carbonrad im Keller', 18, 72),
  n('Pendelt mit dem E-Bike zur Arbeit', 18, 66),
  n('Läuft jedes Jahr den Stadtmarathon', 18, 70),
  n('Segelt im Sommer auf dem Bodensee, Boot liegt in Überlingen', 25),
  n('Hobbyimker mit sechs Völkern im Garten', 25),
  n('Hat einen Schrebergarten mit Laube', 25),
  n('Sammelt Oldtimer, ein VW Käfer steht in der Garage', 30),
  n('Baut seit Jahren an einer Modelleisenbahn im Dachgeschoss', 35),
  n('Geht gern angeln, Angelschein vorhanden'),
  n('Jagdschein, Mitglied in der Jägerschaft', 25),
  n('Fliegt Drohnen für Luftaufnahmen, auch nebenberuflich', 18, 60),
  n('Hund (Labrador) namens Bruno, geht oft in die Hundeschule'),
  n('Zwei Katzen, Wohnung im Erdgeschoss'),
  n('Ferienwohnung an der Ostsee, wird teilweise vermietet', 35),
  n('Plant nach der Rente eine längere Reise durch Skandinavien', 50, 66),
  n('Genießt den Ruhestand, viel mit dem Wohnmobil unterwegs', 64),
  n('Macht jeden Winter Skiurlaub in Tirol'),
  n('Reist gern mit dem Wohnmobil durch Frankreich', 30),
  n('Wichtig ist ihr, dass die Kinder gut abgesichert sind', 25, 60, true),
  n('Legt Wert auf Nachhaltigkeit, fährt Lastenrad', 20, 65),
  n('Möchte keine Werbung per Post'),
  n('Bevorzugt Termine bei sich zu Hause am Küchentisch'),
  n('Termine am liebsten samstags vormittags'),
  n('Kommt gern persönlich ins Büro, bringt immer Kuchen mit', 40),
  n('Vergleicht alles erst online, bevor ein Termin zustande kommt', 18, 70),
  n('Will Unterlagen immer ausgedruckt haben', 45),
  n('Selbständig als Physiotherapeutin mit eigener Praxis', 28, 64),
  n('Selbständiger Handwerker (Elektro), Betrieb mit drei Angestellten', 28, 66),
  n('Arbeitet als Lehrer am Gymnasium', 27, 66),
  n('Pflegekraft im Klinikum, wechselnde Dienste', 20, 66),
  n('IT-Berater, viel auf Dienstreisen', 23, 64),
  n('Landwirt im Nebenerwerb', 25, 70),
  n('Studiert noch, Eltern zahlen die Beiträge mit', 18, 27),
  n('Macht gerade eine Ausbildung zum Mechatroniker', 18, 24),
  n('Gerade ins Eigenheim gezogen, Renovierung läuft', 25, 60),
  n('Baut ein Haus, Einzug voraussichtlich im Frühjahr', 25, 55),
  n('Pflegt die eigene Mutter, wenig Zeit für Termine', 40, 68),
  n('Sohn studiert in Leipzig, eigene kleine Wohnung', 45, 65),
  n('Enkelkinder sind oft zu Besuch', 55),
  n('Ehrenamtlich bei der Tafel aktiv'),
  n('Schöffe am Amtsgericht', 25, 70),
  n('Vorsitzende des Heimatvereins', 40),
  n('Sammelt Kunst, einige Bilder von Wert in der Wohnung', 35),
  n('Hat vor zwei Jahren einen Wasserschaden gehabt, seitdem vorsichtig'),
  n('Kennt uns über die Empfehlung der Nachbarn'),
  n('Kam über den Sportverein zu uns'),
  n('Ist mit dem Autohaus am Ort gut bekannt'),
  n('Schätzt kurze, klare Gespräche ohne viele Unterlagen'),
  n('Fragt immer nach dem Kleingedruckten'),
  n('Hat früher schlechte Erfahrungen mit einem Vermittler gemacht'),
  n('Zieht in Betracht, die Arbeitszeit zu reduzieren', 30, 63),
  n('Tanzt Standard im Tanzsportclub'),
  n('Kocht leidenschaftlich, Küche neu eingebaut'),
  n('Geburtstag wird gern mit einer Karte gewürdigt'),
];

/** Notes about the language a client also speaks, by origin. */
export const LANGUAGE_NOTES: Partial<Record<string, string>> = {
  turkish: 'Spricht auch Türkisch, Unterlagen gern zweisprachig',
  polish: 'Spricht auch Polnisch',
  russian_german: 'Spricht auch Russisch',
  italian: 'Spricht auch Italienisch',
  greek: 'Spricht auch Griechisch',
  balkan: 'Spricht auch Kroatisch',
  vietnamese: 'Spricht auch Vietnamesisch, Tochter übersetzt bei Bedarf',
  arabic: 'Spricht auch Arabisch',
  iberian: 'Spricht auch Spanisch und Portugiesisch',
  french: 'Spricht auch Französisch',
};

/** Reasons for a first meeting. */
export const FIRST_MEETING_REASONS: readonly string[] = [
  'Erstgespräch: Bestandsaufnahme und Bedarfsermittlung',
  'Kennenlernen und Überblick über bestehende Verträge',
  'Erstgespräch auf Empfehlung, Verträge mitgebracht',
  'Erstberatung nach Wechsel vom bisherigen Vermittler',
  'Erstgespräch: Absicherung nach dem Berufsstart',
];

/** Reasons for later meetings, general ones. */
export const MEETING_REASONS: readonly string[] = [
  'Jährlicher Vorsorge-Check',
  'Überprüfung aller Verträge',
  'Beiträge senken, Leistungen vergleichen',
  'Altersvorsorge überprüfen',
  'Berufsunfähigkeit absichern',
  'Schadenfall besprechen',
  'Rechtsschutz ergänzen',
  'Haftpflicht und Hausrat aktualisieren',
  'Absicherung der Familie durchgehen',
  'Fragen zur Rentenlücke',
  'Unterlagen für einen Antrag durchgehen',
  'Nachbesprechung zum Angebot',
];

/** Meeting reasons for life events. */
export const LIFE_EVENT_MEETING_REASONS: Record<string, string> = {
  moving: 'Umzug: Hausrat und Haftpflicht anpassen',
  new_home: 'Eigenheim: Wohngebäude und Elementarschutz',
  new_car: 'Neues Auto: Kfz-Versicherung einrichten',
  family_growing: 'Nachwuchs erwartet: Familie absichern',
  child_starts_school: 'Einschulung: Kinderunfall und Vorsorge',
  retirement_near: 'Ruhestand rückt näher: Vorsorge ordnen',
  travel_planned: 'Große Reise geplant: Reiseschutz',
  new_job: 'Neuer Arbeitgeber: Absicherung anpassen',
  income_rising: 'Einkommen gestiegen: Vorsorge aufstocken',
  time_scarce: 'Wenig Zeit: Verträge bündeln und vereinfachen',
};

export const MEETING_WISHES: readonly string[] = [
  'Möchte Beiträge senken, ohne auf wichtigen Schutz zu verzichten.',
  'Wünscht eine einfache Übersicht über alle Verträge.',
  'Will die Familie für den Ernstfall gut abgesichert wissen.',
  'Sucht eine flexible Lösung, die sich an die Lebenslage anpasst.',
  'Möchte im Alter den Lebensstandard halten.',
  'Legt Wert auf einen nachhaltigen Anbieter.',
  'Will möglichst wenig Papierkram und schnelle Erreichbarkeit im Schadenfall.',
  'Möchte erst vergleichen und dann in Ruhe entscheiden.',
  'Wünscht sich einen festen Ansprechpartner vor Ort.',
  'Möchte das Pferd und die Reitbeteiligung richtig versichert haben.',
  'Will den Verein über den eigenen Vertrag mit unterstützen.',
];

/** Risk situations as noted in a meeting, by the client's stage of life. */
export const MEETING_RISKS = {
  young: [
    'Berufsstart, noch keine eigene Absicherung außer über die Eltern.',
    'Erste eigene Wohnung, Hausrat bisher nicht versichert.',
    'Pendelt täglich weite Strecken mit dem Auto.',
    'Wertvolle Fahrräder und Technik in der Wohnung.',
  ],
  family: [
    'Alleinverdiener, kleine Kinder, Mietwohnung.',
    'Doppelverdiener, Eigentumswohnung mit Kredit.',
    'Selbständig, keine gesetzliche Absicherung bei Berufsunfähigkeit.',
    'Haus in Flussnähe, Elementarschaden bisher nicht versichert.',
    'Kinder in Sportvereinen, Unfallschutz fehlt.',
  ],
  middle: [
    'Doppelverdiener ohne Kinder, Eigentumswohnung mit Kredit.',
    'Selbständig, keine gesetzliche Absicherung bei Berufsunfähigkeit.',
    'Häufige Auslandsreisen, auch außerhalb Europas.',
    'Bisher nur Privathaftpflicht, sonst keine Absicherung.',
    'Hält ein Pferd, Haftung bisher nicht geklärt.',
    'Rentenlücke absehbar, bisher wenig privat vorgesorgt.',
  ],
  senior: [
    'Rentner, Haus abbezahlt, Enkel werden unterstützt.',
    'Lebt allein, keine Angehörigen in der Nähe.',
    'Hausrat mit wertvollen Erbstücken, Versicherungssumme veraltet.',
    'Reist im Ruhestand viel, auch außerhalb Europas.',
  ],
} as const;

export const MEETING_NOTES: readonly string[] = [
  'Angebot bis Monatsende zuschicken.',
  'Unterlagen zur Gesundheitsprüfung nachreichen lassen.',
  'Partner beim nächsten Termin dazuholen.',
  'Alternativen mit geringerem Beitrag vorbereiten.',
  'Interesse an der App, beim nächsten Mal zeigen.',
  'Kündigung des Altvertrags zum Jahresende vormerken.',
  'Gespräch lief sehr angenehm, gute Stimmung.',
  'Entscheidung erst nach Rücksprache mit der Familie.',
  'Beratungsprotokoll ausgehändigt.',
  'Kunde möchte selbst noch online vergleichen.',
];

/** The advice given, as an advisor writes it into the record. */
export const MEETING_ADVICE: readonly string[] = [
  'Bestehenden Schutz beibehalten; Beiträge im nächsten Jahr erneut prüfen, weil sich das Einkommen noch ändern kann.',
  'Haftpflicht und Hausrat bei einem Vertrag bündeln: gleicher Schutz, weniger Beitrag und ein Ansprechpartner.',
  'Die Arbeitskraft absichern, solange die Gesundheitsfragen noch problemlos zu beantworten sind; Beitrag mit Dynamik.',
  'Altersvorsorge mit flexiblen Zuzahlungen, damit Sparrate und Lebenslage zusammenpassen.',
  'Derzeit kein neuer Vertrag: der vorhandene Schutz deckt die besprochenen Risiken ab.',
  'Verkehrsrechtsschutz ergänzen, weil täglich mit dem Auto zur Arbeit gependelt wird.',
  'Kinder in die Familienabsicherung aufnehmen und eine Kinderunfallversicherung ergänzen.',
  'Versicherungssumme der Hausratversicherung an die größere Wohnung anpassen, um Unterversicherung zu vermeiden.',
  'Reiseschutz als Jahresvertrag statt einzeln pro Reise, weil mehrmals im Jahr verreist wird.',
];

/** What the client decided, as it goes into the record. */
export const MEETING_DECISIONS: readonly string[] = [
  'Folgt der Empfehlung; der Antrag wird vorbereitet.',
  'Möchte in Ruhe vergleichen und meldet sich bis Monatsende.',
  'Entscheidet sich für die Empfehlung, ohne Zusatzbaustein.',
  'Lehnt vorerst ab; beim nächsten Jahresgespräch wieder ansprechen.',
  'Stimmt zu; die Unterlagen gehen per E-Mail zu.',
  'Will erst mit der Familie sprechen und dann entscheiden.',
];

export interface Phrase { summary: string; outcomes: readonly (string | null)[] }

const p = (summary: string, ...outcomes: Array<string | null>): Phrase => ({ summary, outcomes });

export const CALL_OUT: readonly Phrase[] = [
  p('Terminvereinbarung für den Vorsorge-Check', 'Termin vereinbart', 'Nicht erreicht, Nachricht hinterlassen', 'Meldet sich selbst zurück'),
  p('Nachgefasst zum Angebot', 'Denkt noch nach', 'Möchte zusagen, Antrag folgt', 'Kein Interesse mehr'),
  p('Geburtstagsanruf', 'Hat sich sehr gefreut', 'Nicht erreicht'),
  p('Rückruf wegen Beitragsfrage', 'Frage geklärt', 'Unterlagen per E-Mail geschickt'),
  p('Erinnerung an fehlende Unterlagen', 'Reicht die Unterlagen diese Woche nach', 'Unterlagen liegen jetzt vor'),
  p('Kurze Nachfrage nach dem Schadenfall', 'Schaden ist reguliert, zufrieden', 'Wartet noch auf das Gutachten'),
];
export const CALL_IN: readonly Phrase[] = [
  p('Meldung eines Glasschadens', 'Schadennummer mitgeteilt', 'Formular zugeschickt'),
  p('Frage zur Beitragsrechnung', 'Erklärt, alles in Ordnung', 'Zahlweise auf jährlich umgestellt'),
  p('Neue Bankverbindung durchgegeben', 'Geändert'),
  p('Fragt nach Schutz im Ausland', 'Reiseschutz erklärt, Angebot folgt', 'Besteht bereits über die Kreditkarte'),
  p('Fahrraddiebstahl gemeldet', 'Schadenanzeige aufgenommen', 'Polizeiliche Anzeige angefordert'),
  p('Bittet um Rückruf wegen Kündigung', 'Gründe besprochen, Vertrag bleibt', 'Kündigung bestätigt'),
  p('Wasserschaden in der Küche', 'Handwerker vermittelt, Schaden gemeldet'),
];
export const EMAIL_OUT: readonly Phrase[] = [
  p('Unterlagen zum Gespräch geschickt', null, 'Eingang bestätigt'),
  p('Beratungsprotokoll zugeschickt', 'Zustellung bestätigt'),
  p('Vergleich der Tarife geschickt', null, 'Rückfrage zu den Leistungen'),
  p('Einladung zum Kundenabend', 'Zugesagt', 'Abgesagt', null),
  p('Erinnerung an den Vorsorge-Check', 'Terminwunsch erhalten', null),
];
export const EMAIL_IN: readonly Phrase[] = [
  p('Adressänderung mitgeteilt', 'Im Bestand geändert'),
  p('Frage zur Kündigungsfrist', 'Beantwortet'),
  p('Rechnung für Schadenfall eingereicht', 'An die Schadenabteilung weitergeleitet'),
  p('Bittet um Kopie der Police', 'Kopie per E-Mail geschickt'),
  p('Fragt, ob das neue E-Bike mitversichert ist', 'Fahrrad-Baustein empfohlen', 'Ist mitversichert'),
  p('Sendet Foto vom Unfallschaden', 'Schaden aufgenommen'),
];
export const LETTERS_OUT: readonly Phrase[] = [
  p('Jahresinformation zur Rentenversicherung verschickt', null),
  p('Beitragsanpassung zur Kfz-Versicherung mitgeteilt', null, 'Rückfragen dazu, Rückruf vereinbart'),
  p('Police zugeschickt', null),
  p('Glückwunschkarte zum runden Geburtstag', null),
  p('Einwilligungserklärung zur Unterschrift geschickt', null, 'Unterschrieben zurück'),
];
/** Sent in December instead of an ordinary letter, now and then. */
export const CHRISTMAS_CARD: Phrase = p('Weihnachtskarte verschickt', null);
export const LETTERS_IN: readonly Phrase[] = [
  p('Unterschriebener Antrag per Post erhalten', 'An den Hersteller weitergeleitet'),
  p('Schriftliche Einwilligung zurückerhalten', 'Abgelegt'),
  p('Kündigungsschreiben eines Altvertrags in Kopie erhalten', 'Wechsel vorbereitet'),
];
export const VISITS: readonly Phrase[] = [
  p('Kam spontan ins Büro', 'Frage direkt geklärt', 'Termin für nächste Woche gemacht'),
  p('Hausbesuch zur Schadenbesichtigung', 'Fotos aufgenommen, Schaden gemeldet'),
  p('Unterlagen persönlich vorbeigebracht', 'Kopiert und zurückgegeben'),
  p('Beim Kundenabend begrüßt', 'Interesse an Altersvorsorge geäußert', null),
];
export const CHATS: readonly Phrase[] = [
  p('Chat: Frage zur Deckung im Urlaub', 'Auslandsreiseschutz erklärt'),
  p('Chat: Schadenmeldung vorbereitet', 'Formular ausgefüllt'),
  p('Chat: Wunsch nach Rückruf', 'Rückruf erledigt'),
  p('Chat: Frage zu den Beiträgen', 'Beantwortet'),
];
export const OTHERS: readonly Phrase[] = [
  p('Schadenmeldung an den Hersteller weitergeleitet', null),
  p('Kundenabend besucht', null, 'Gute Gespräche, Interesse an einem Termin'),
  p('Empfehlung an Bekannte ausgesprochen', 'Neuer Kontakt vermittelt'),
  p('Vereinsfest: Stand des Vereinsportals besucht', 'Interesse an der Vereins-Haftpflicht'),
  p('Zufriedenheitsbefragung beantwortet', 'Sehr zufrieden', 'Zufrieden, wünscht schnellere Rückmeldungen'),
];

/** Signals the assistant app reports, by life event. */
export const ALERTS: Record<string, Phrase> = {
  moving: p('Assistent meldet: Umzug erkannt', 'Umzugspaket angeboten', 'Kunde bestätigt, Termin vereinbart', 'Kunde hat die Schlussfolgerung abgelehnt'),
  family_growing: p('Assistent meldet: Nachwuchs unterwegs', 'Familienstart-Paket vorgeschlagen', 'Glückwünsche übermittelt, Gespräch später'),
  income_rising: p('Assistent meldet: Einkommen gestiegen', 'Vorsorge-Check angeboten', 'Zurückgestellt'),
  travel_planned: p('Assistent meldet: Reise gebucht', 'Reiseschutz angeboten', 'Reiseschutz bereits vorhanden'),
  new_car: p('Assistent meldet: neues Auto', 'Kfz-Wechsel angeboten', 'Zurückgestellt'),
  new_home: p('Assistent meldet: Immobilienkauf', 'Wohngebäudeversicherung besprochen', 'Zurückgestellt'),
  time_scarce: p('Assistent meldet: wenig Zeit für Termine', 'Online-Termin angeboten', 'Verworfen'),
  new_job: p('Assistent meldet: Jobwechsel', 'Berufsunfähigkeit neu geprüft', 'Zurückgestellt'),
};
export const GENERIC_ALERTS: readonly Phrase[] = [
  p('Assistent meldet: Vertrag läuft bald aus', 'Verlängerung angeboten', 'Kunde kümmert sich selbst'),
  p('Assistent meldet: hohe Kilometerleistung', 'Telematik-Tarif angesprochen', 'Verworfen'),
  p('Assistent meldet: Geräte ohne Schutz gekauft', 'Geräteschutz angeboten', 'Kein Bedarf'),
];

/** Outcomes of an offer, with the reason codes of offers.md in words. */
export const OFFER_OUTCOMES: ReadonlyArray<readonly [string | null, number]> = [
  ['Angenommen', 34], ['Abgelehnt: zu teuer', 10], ['Abgelehnt: besteht schon', 5], ['Abgelehnt: passt gerade nicht', 7],
  ['Abgelehnt: kein Bedarf', 8], ['Verschoben: möchte vergleichen', 12], ['Verschoben: nach dem Urlaub', 5],
  ['Angenommen nach Rücksprache mit der Familie', 6], [null, 13],
];

/** Short titles per product, made once: "Angebot: Hausratversicherung", "Abschluss: ...". */
export const OFFER_SUMMARY = Object.fromEntries(
  Object.entries(PRODUCTS).map(([id, name]) => [id, `Angebot: ${name}`]),
) as Record<ProductId, string>;
export const PURCHASE_SUMMARY = Object.fromEntries(
  Object.entries(PRODUCTS).map(([id, name]) => [id, `Abschluss: ${name}`]),
) as Record<ProductId, string>;
export const PURCHASE_OUTCOMES: readonly (string | null)[] = [null, 'Police folgt per Post', 'Police digital zugestellt', 'Beginn zum Monatsersten'];
export const POS_PURCHASE_OUTCOMES: readonly (string | null)[] = ['Variante A gewählt', 'Variante B gewählt', 'Variante C gewählt', 'Beim Kauf des Geräts mit abgeschlossen'];

export const OPEN_TASKS: readonly string[] = [
  'Angebot nachfassen',
  'Unterlagen für den Antrag anfordern',
  'Rückruf wegen Schadenmeldung',
  'Vorsorge-Check terminieren',
  'Beratungsprotokoll unterschreiben lassen',
  'Kündigung des Altvertrags prüfen',
  'Tarifvergleich vorbereiten',
  'Einwilligung zur Datenweitergabe einholen',
  'Neue Adresse im Vertrag prüfen',
  'App-Installation beim nächsten Termin zeigen',
  'Beitragsanpassung erklären',
  'Geburtstagskarte schicken',
];
export const DONE_TASKS: readonly string[] = [
  'Police zuschicken',
  'Angebot erstellen',
  'Rückruf erledigen',
  'Antrag einreichen',
  'Schadenmeldung weiterleiten',
  'Termin bestätigen',
  'Unterlagen ablegen',
  'Kundenabend-Einladung schicken',
];
export const TASK_NOTES: readonly string[] = [
  'Kunde erwartet Rückmeldung diese Woche.',
  'Unterlagen liegen teilweise vor.',
  'Vorher mit dem Innendienst klären.',
  'Am besten abends anrufen.',
  'Siehe Notiz aus dem letzten Gespräch.',
];

/** Notes on a consent record, by how it was given; null: nothing noted. */
export const CONSENT_NOTES: Record<'verbal' | 'written' | 'form' | 'app' | 'withdraw', readonly (string | null)[]> = {
  verbal: [null, 'Mündlich im Gespräch erteilt, im Protokoll vermerkt', 'Am Telefon erteilt'],
  written: [null, 'Schriftlich im Erstgespräch', 'Unterschriebene Erklärung liegt vor'],
  form: [null, 'Per Formular nachgereicht', 'Selbstauskunft-Formular'],
  app: [null, 'In der App bestätigt'],
  withdraw: ['Widerruf per E-Mail', 'Widerruf am Telefon', 'Widerruf per Brief', null],
};

/** The ways a household is described, with its size. */
export const HOUSEHOLD = {
  single: ['Alleinstehend', 'Lebt allein', 'Single, eigene Wohnung'],
  shared: ['Wohngemeinschaft mit zwei Mitbewohnern', 'WG mit Freunden'],
  youngCouple: ['Lebt mit Partner zusammen', 'Lebt mit Partnerin zusammen', 'In fester Partnerschaft, gemeinsame Wohnung', 'Frisch verheiratet'],
  couple: ['Lebt mit Partner zusammen', 'Lebt mit Partnerin zusammen', 'Verheiratet', 'Verheiratet, keine Kinder', 'In fester Partnerschaft, gemeinsame Wohnung'],
  coupleKidsMovedOut: ['Verheiratet, Kinder aus dem Haus', 'Verheiratet, zwei erwachsene Kinder', 'Lebt mit Partnerin zusammen, Sohn studiert auswärts'],
  widowed: ['Verwitwet, lebt allein', 'Verwitwet, Tochter wohnt in der Nähe', 'Verwitwet, Sohn kümmert sich'],
  divorced: ['Geschieden, lebt allein', 'Getrennt lebend'],
  retiredCouple: ['Verheiratet, beide im Ruhestand', 'Rentnerehepaar, Enkel oft zu Besuch'],
} as const;

export const NUMBER_WORDS: readonly string[] = ['kein', 'ein', 'zwei', 'drei', 'vier', 'fünf'];
