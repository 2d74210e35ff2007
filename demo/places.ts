// Places for the demo book: real German towns with their postal code ranges
// and dialling codes, grouped into regions, since an advisor's book clusters
// around the office while some clients have moved away over the years.

export interface City {
  name: string;
  /** First and last postal code of the town (codes in between are plausible, not all exist). */
  plz: readonly [number, number];
  /** Dialling code without the leading 0. */
  area: string;
  /** Relative size, for how often the town appears. */
  weight: number;
  region: Region;
}

export type Region = 'rhein_main' | 'stuttgart' | 'muenchen' | 'rhein_ruhr' | 'hamburg' | 'sachsen' | 'other';

export const HOME_REGIONS: readonly Region[] = ['rhein_main', 'stuttgart', 'muenchen', 'rhein_ruhr', 'hamburg', 'sachsen'];

const c = (name: string, lo: number, hi: number, area: string, weight: number, region: Region = 'other'): City =>
  ({ name, plz: [lo, hi], area, weight, region });

export const CITIES: readonly City[] = [
  // Rhein-Main
  c('Frankfurt am Main', 60306, 60599, '69', 75, 'rhein_main'), c('Offenbach am Main', 63065, 63075, '69', 13, 'rhein_main'),
  c('Hanau', 63450, 63457, '6181', 10, 'rhein_main'), c('Bad Homburg vor der Höhe', 61348, 61352, '6172', 6, 'rhein_main'),
  c('Wiesbaden', 65183, 65207, '611', 28, 'rhein_main'), c('Mainz', 55116, 55131, '6131', 22, 'rhein_main'),
  c('Darmstadt', 64283, 64297, '6151', 16, 'rhein_main'), c('Rüsselsheim am Main', 65428, 65428, '6142', 6, 'rhein_main'),
  c('Friedberg (Hessen)', 61169, 61169, '6031', 3, 'rhein_main'),
  // Stuttgart
  c('Stuttgart', 70173, 70629, '711', 63, 'stuttgart'), c('Esslingen am Neckar', 73728, 73734, '711', 9, 'stuttgart'),
  c('Ludwigsburg', 71634, 71642, '7141', 9, 'stuttgart'), c('Böblingen', 71032, 71034, '7031', 5, 'stuttgart'),
  c('Sindelfingen', 71063, 71069, '7031', 6, 'stuttgart'), c('Göppingen', 73033, 73037, '7161', 6, 'stuttgart'),
  c('Tübingen', 72070, 72076, '7071', 9, 'stuttgart'), c('Reutlingen', 72760, 72770, '7121', 12, 'stuttgart'),
  c('Schwäbisch Hall', 74523, 74523, '791', 4, 'stuttgart'),
  // München
  c('München', 80331, 81929, '89', 150, 'muenchen'), c('Fürstenfeldbruck', 82256, 82256, '8141', 4, 'muenchen'),
  c('Freising', 85354, 85356, '8161', 5, 'muenchen'), c('Dachau', 85221, 85221, '8131', 5, 'muenchen'),
  c('Erding', 85435, 85435, '8122', 4, 'muenchen'), c('Starnberg', 82319, 82319, '8151', 2, 'muenchen'),
  c('Rosenheim', 83022, 83026, '8031', 6, 'muenchen'), c('Bad Tölz', 83646, 83646, '8041', 2, 'muenchen'),
  c('Garmisch-Partenkirchen', 82467, 82467, '8821', 2, 'muenchen'),
  // Rhein-Ruhr
  c('Köln', 50667, 51149, '221', 108, 'rhein_ruhr'), c('Düsseldorf', 40210, 40629, '211', 62, 'rhein_ruhr'),
  c('Essen', 45127, 45359, '201', 58, 'rhein_ruhr'), c('Dortmund', 44135, 44388, '231', 59, 'rhein_ruhr'),
  c('Bochum', 44787, 44894, '234', 36, 'rhein_ruhr'), c('Wuppertal', 42103, 42399, '202', 35, 'rhein_ruhr'),
  c('Duisburg', 47051, 47279, '203', 50, 'rhein_ruhr'), c('Leverkusen', 51371, 51381, '214', 16, 'rhein_ruhr'),
  c('Bergisch Gladbach', 51427, 51469, '2202', 11, 'rhein_ruhr'), c('Neuss', 41460, 41472, '2131', 15, 'rhein_ruhr'),
  c('Solingen', 42651, 42719, '212', 16, 'rhein_ruhr'), c('Gelsenkirchen', 45879, 45899, '209', 26, 'rhein_ruhr'),
  c('Oberhausen', 46045, 46149, '208', 21, 'rhein_ruhr'), c('Hagen', 58089, 58135, '2331', 19, 'rhein_ruhr'),
  c('Lüdenscheid', 58507, 58515, '2351', 7, 'rhein_ruhr'), c('Mönchengladbach', 41061, 41239, '2161', 26, 'rhein_ruhr'),
  c('Krefeld', 47798, 47839, '2151', 23, 'rhein_ruhr'), c('Recklinghausen', 45657, 45665, '2361', 11, 'rhein_ruhr'),
  // Hamburg
  c('Hamburg', 20095, 22769, '40', 185, 'hamburg'), c('Norderstedt', 22844, 22851, '40', 8, 'hamburg'),
  c('Pinneberg', 25421, 25421, '4101', 4, 'hamburg'), c('Ahrensburg', 22926, 22926, '4102', 3, 'hamburg'),
  c('Lüneburg', 21335, 21339, '4131', 8, 'hamburg'), c('Buxtehude', 21614, 21614, '4161', 4, 'hamburg'),
  c('Stade', 21680, 21684, '4141', 5, 'hamburg'), c('Lübeck', 23552, 23570, '451', 22, 'hamburg'),
  // Sachsen
  c('Dresden', 1067, 1328, '351', 56, 'sachsen'), c('Leipzig', 4103, 4357, '341', 60, 'sachsen'),
  c('Meißen', 1662, 1662, '3521', 3, 'sachsen'), c('Radebeul', 1445, 1445, '351', 3, 'sachsen'),
  c('Pirna', 1796, 1796, '3501', 4, 'sachsen'), c('Freital', 1705, 1705, '351', 4, 'sachsen'),
  c('Görlitz', 2826, 2828, '3581', 6, 'sachsen'), c('Zwickau', 8056, 8066, '375', 9, 'sachsen'),
  c('Chemnitz', 9111, 9247, '371', 25, 'sachsen'),
  // Elsewhere
  c('Berlin', 10115, 14199, '30', 370, 'other'), c('Bremen', 28195, 28779, '421', 57, 'other'),
  c('Hannover', 30159, 30669, '511', 54, 'other'), c('Nürnberg', 90402, 90491, '911', 52, 'other'),
  c('Fürth', 90762, 90768, '911', 13, 'other'), c('Erlangen', 91052, 91058, '9131', 11, 'other'),
  c('Bielefeld', 33602, 33739, '521', 33, 'other'), c('Bonn', 53111, 53229, '228', 33, 'other'),
  c('Münster', 48143, 48167, '251', 32, 'other'), c('Mannheim', 68159, 68309, '621', 31, 'other'),
  c('Heidelberg', 69115, 69126, '6221', 16, 'other'), c('Karlsruhe', 76131, 76229, '721', 31, 'other'),
  c('Augsburg', 86150, 86199, '821', 30, 'other'), c('Aachen', 52062, 52080, '241', 25, 'other'),
  c('Braunschweig', 38100, 38126, '531', 25, 'other'), c('Kiel', 24103, 24159, '431', 25, 'other'),
  c('Halle (Saale)', 6108, 6132, '345', 24, 'other'), c('Magdeburg', 39104, 39130, '391', 24, 'other'),
  c('Freiburg im Breisgau', 79098, 79117, '761', 23, 'other'), c('Erfurt', 99084, 99099, '361', 21, 'other'),
  c('Rostock', 18055, 18147, '381', 21, 'other'), c('Kassel', 34117, 34134, '561', 20, 'other'),
  c('Potsdam', 14467, 14482, '331', 18, 'other'), c('Saarbrücken', 66111, 66133, '681', 18, 'other'),
  c('Osnabrück', 49074, 49090, '541', 17, 'other'), c('Oldenburg', 26121, 26135, '441', 17, 'other'),
  c('Würzburg', 97070, 97084, '931', 13, 'other'), c('Regensburg', 93047, 93059, '941', 15, 'other'),
  c('Göttingen', 37073, 37085, '551', 12, 'other'), c('Ulm', 89073, 89081, '731', 13, 'other'),
  c('Jena', 7743, 7751, '3641', 11, 'other'), c('Weimar', 99423, 99427, '3643', 6, 'other'),
  c('Konstanz', 78462, 78467, '7531', 9, 'other'), c('Überlingen', 88662, 88662, '7551', 2, 'other'),
  c('Lörrach', 79539, 79541, '7621', 5, 'other'), c('Öhringen', 74613, 74613, '7941', 2, 'other'),
  c('Nördlingen', 86720, 86720, '9081', 2, 'other'), c('Füssen', 87629, 87629, '8362', 2, 'other'),
  c('Bad Dürkheim', 67098, 67098, '6322', 2, 'other'), c('Zweibrücken', 66482, 66482, '6332', 3, 'other'),
  c('Wernigerode', 38855, 38855, '3943', 3, 'other'), c('Königs Wusterhausen', 15711, 15711, '3375', 4, 'other'),
  c('Cottbus', 3042, 3055, '355', 10, 'other'), c('Schwerin', 19053, 19063, '385', 10, 'other'),
  c('Stralsund', 18435, 18439, '3831', 6, 'other'), c('Flensburg', 24937, 24944, '461', 9, 'other'),
  c('Husum', 25813, 25813, '4841', 2, 'other'), c('Trier', 54290, 54296, '651', 11, 'other'),
  c('Koblenz', 56068, 56077, '261', 11, 'other'), c('Paderborn', 33098, 33106, '5251', 15, 'other'),
  c('Gütersloh', 33330, 33335, '5241', 10, 'other'), c('Siegen', 57072, 57080, '271', 10, 'other'),
  c('Fulda', 36037, 36043, '661', 7, 'other'), c('Gießen', 35390, 35398, '641', 9, 'other'),
  c('Marburg', 35037, 35043, '6421', 8, 'other'), c('Passau', 94032, 94036, '851', 5, 'other'),
  c('Landshut', 84028, 84036, '871', 7, 'other'), c('Ingolstadt', 85049, 85057, '841', 14, 'other'),
  c('Kempten (Allgäu)', 87435, 87439, '831', 7, 'other'), c('Bayreuth', 95444, 95448, '921', 7, 'other'),
  c('Hof', 95028, 95032, '9281', 4, 'other'), c('Celle', 29221, 29229, '5141', 7, 'other'),
  c('Hildesheim', 31134, 31141, '5121', 10, 'other'), c('Wolfsburg', 38440, 38448, '5361', 12, 'other'),
  c('Emden', 26721, 26725, '4921', 5, 'other'), c('Wilhelmshaven', 26382, 26389, '4421', 8, 'other'),
  c('Bamberg', 96047, 96052, '951', 8, 'other'),
];

/** Street name stems and how they combine ("Linden" + "straße", "Am " + "Mühlbach"). */
export const STREET_STRASSE: readonly string[] = [
  'Haupt', 'Bahnhof', 'Schul', 'Garten', 'Kirch', 'Dorf', 'Linden', 'Berg', 'Wald', 'Ring', 'Mühlen', 'Feld',
  'Goethe', 'Schiller', 'Mozart', 'Beethoven', 'Uhland', 'Lessing', 'Wilhelm', 'Friedrich', 'Post', 'Markt',
  'Jahn', 'Blumen', 'Rosen', 'Industrie', 'Brunnen', 'Schloss', 'Sonnen', 'Wiesen', 'Kasernen', 'Luisen',
  'Buchen', 'Eichen', 'Tannen', 'Hölderlin', 'Körner', 'Bismarck', 'Schützen', 'Burg', 'Rathaus', 'Gärtner',
];
export const STREET_NAMED_STRASSE: readonly string[] = [
  'Friedrich-Ebert-Straße', 'Konrad-Adenauer-Straße', 'Käthe-Kollwitz-Straße', 'Albert-Schweitzer-Straße',
  'Geschwister-Scholl-Straße', 'Robert-Koch-Straße', 'Max-Planck-Straße', 'Carl-Zeiss-Straße',
  'Königsberger Straße', 'Breslauer Straße', 'Frankfurter Straße', 'Kölner Straße', 'Münchner Straße',
  'Lübecker Straße', 'Alte Landstraße', 'Neue Straße', 'Lange Straße', 'Große Straße', 'Hohe Straße',
];
export const STREET_WEG: readonly string[] = [
  'Birken', 'Rosen', 'Amsel', 'Lerchen', 'Flieder', 'Drossel', 'Fink', 'Meisen', 'Tulpen', 'Ahorn',
  'Holunder', 'Mühl', 'Heide', 'Kiefern', 'Erlen', 'Schlehen', 'Sonnen', 'Fasanen', 'Hasel', 'Pappel',
];
export const STREET_ALLEE: readonly string[] = [
  'Kastanien', 'Linden', 'Schloss', 'Park', 'Eichen', 'Platanen', 'Pappel', 'Kaiser', 'Bahnhofs', 'Königs',
];
export const STREET_OTHER: readonly string[] = [
  'Am Mühlbach', 'Am Sportplatz', 'Am Rathaus', 'Am Hang', 'Am Schlosspark', 'Am Anger', 'Am Eichenhain',
  'Am Weinberg', 'Am Bürgerpark', 'Am Krähenberg', 'Am Hopfengarten', 'Am Lindenhof', 'An der Kirche',
  'An der Mühle', 'Im Winkel', 'Im Grund', 'Im Gärtle', 'Zur Mühle', 'Zum Sportplatz', 'Auf der Höhe',
  'Marktplatz', 'Kirchplatz', 'Lindenplatz', 'Fischergasse', 'Brunnengasse', 'Hintere Gasse', 'Schlossgasse',
  'Rosenhof', 'Bergstieg', 'Wiesengrund', 'Talblick', 'Sonnenhalde', 'Schöne Aussicht', 'Grüner Weg',
];

/** Every street name, built once. */
export const STREETS: readonly string[] = [
  ...STREET_STRASSE.map((s) => `${s}straße`),
  ...STREET_NAMED_STRASSE,
  ...STREET_WEG.map((s) => `${s}weg`),
  ...STREET_ALLEE.map((s) => `${s}allee`),
  ...STREET_OTHER,
];

/** German mobile prefixes without the leading 0. */
export const MOBILE_PREFIXES: readonly string[] = ['151', '152', '157', '159', '160', '162', '163', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'];

/** Email providers with their rough share among private German addresses. */
export const EMAIL_PROVIDERS: ReadonlyArray<readonly [string, number]> = [
  ['gmx.de', 20], ['web.de', 21], ['t-online.de', 13], ['gmail.com', 25], ['outlook.de', 4], ['hotmail.de', 3],
  ['yahoo.de', 4], ['posteo.de', 3], ['icloud.com', 3], ['freenet.de', 2], ['mailbox.org', 1], ['gmx.net', 2],
];
