// Names for the demo book: common German names with their real spread, first
// names that fit the birth year, and the families of other origins that any
// German advisor's book holds. Plenty of umlauts and accents, so that search
// ("muller", "mueller", "Müller") can be tried out.

export type Gender = 'f' | 'm';
export type Origin = 'german' | 'turkish' | 'polish' | 'russian_german' | 'italian' | 'greek' | 'balkan' | 'vietnamese' | 'arabic' | 'iberian' | 'french';

/** The most common German surnames, with relative frequency (approximate counts in thousands). */
export const GERMAN_SURNAMES_COMMON: ReadonlyArray<readonly [string, number]> = [
  ['Müller', 256], ['Schmidt', 190], ['Schneider', 115], ['Fischer', 98], ['Weber', 85], ['Meyer', 84],
  ['Wagner', 79], ['Becker', 75], ['Schulz', 74], ['Hoffmann', 72], ['Schäfer', 63], ['Koch', 59],
  ['Bauer', 59], ['Richter', 58], ['Klein', 58], ['Wolf', 54], ['Schröder', 52], ['Neumann', 50],
  ['Schwarz', 50], ['Zimmermann', 48], ['Braun', 45], ['Krüger', 45], ['Hofmann', 45], ['Hartmann', 44],
  ['Lange', 43], ['Schmitt', 43], ['Werner', 42], ['Schmitz', 41], ['Krause', 41], ['Meier', 40],
  ['Lehmann', 40], ['Schmid', 38], ['Schulze', 38], ['Maier', 37], ['Köhler', 35], ['Herrmann', 35],
  ['König', 34], ['Walter', 34], ['Mayer', 33], ['Huber', 33], ['Kaiser', 32], ['Fuchs', 32],
  ['Peters', 32], ['Lang', 31], ['Scholz', 31], ['Möller', 30], ['Weiß', 30], ['Jung', 30],
  ['Hahn', 30], ['Schubert', 29], ['Vogel', 29], ['Friedrich', 29], ['Keller', 28], ['Günther', 28],
  ['Frank', 28], ['Berger', 27], ['Winkler', 27], ['Roth', 27], ['Beck', 27], ['Lorenz', 26],
  ['Baumann', 26], ['Franke', 26], ['Albrecht', 26], ['Schuster', 25], ['Simon', 25], ['Ludwig', 25],
  ['Böhm', 25], ['Winter', 25], ['Kraus', 25], ['Martin', 24], ['Schumacher', 24], ['Krämer', 24],
  ['Vogt', 24], ['Stein', 23], ['Jäger', 23], ['Otto', 23], ['Sommer', 23], ['Groß', 23],
  ['Seidel', 22], ['Heinrich', 22], ['Brandt', 22], ['Haas', 22], ['Schreiber', 22], ['Graf', 22],
  ['Schulte', 21], ['Dietrich', 21], ['Ziegler', 21], ['Kuhn', 21], ['Kühn', 21], ['Pohl', 21],
  ['Engel', 20], ['Horn', 20], ['Busch', 20], ['Bergmann', 20], ['Thomas', 20], ['Voigt', 20],
  ['Sauer', 19], ['Arnold', 19], ['Wolff', 19], ['Pfeiffer', 19],
];

/** Less common German surnames: together they are most of the population. */
export const GERMAN_SURNAMES_TAIL: readonly string[] = [
  'Abel', 'Ackermann', 'Adler', 'Ahrens', 'Albers', 'Altmann', 'Amann', 'Appel', 'Arndt', 'Auer',
  'Bach', 'Bachmann', 'Bader', 'Barth', 'Bartsch', 'Baum', 'Baumgartner', 'Bayer', 'Beckmann', 'Behrens',
  'Bender', 'Berg', 'Bischoff', 'Blum', 'Bock', 'Bode', 'Böttcher', 'Brand', 'Brandl', 'Brinkmann',
  'Brück', 'Buchholz', 'Bühler', 'Burkhardt', 'Busse', 'Büttner', 'Dahl', 'Decker', 'Diehl', 'Dietz',
  'Döring', 'Dorn', 'Dreyer', 'Dürr', 'Ebert', 'Eckert', 'Ehlers', 'Eichhorn', 'Engelhardt', 'Ernst',
  'Esser', 'Falk', 'Feldmann', 'Fiedler', 'Fink', 'Fleischer', 'Förster', 'Franz', 'Frey', 'Freitag',
  'Fritz', 'Fröhlich', 'Gärtner', 'Gebhardt', 'Geiger', 'Gerlach', 'Giese', 'Glaser', 'Göbel', 'Görtz',
  'Götz', 'Gottschalk', 'Greiner', 'Grimm', 'Großmann', 'Grün', 'Haase', 'Hagen', 'Hammer', 'Hansen',
  'Harms', 'Hartung', 'Hauser', 'Häusler', 'Heck', 'Heinz', 'Held', 'Hempel', 'Hennig', 'Herbst',
  'Herzog', 'Hess', 'Hilbert', 'Hinz', 'Höfer', 'Hoffmeister', 'Hölzel', 'Holz', 'Hübner', 'Husmann',
  'Iden', 'Imhof', 'Jacobs', 'Jahn', 'Janßen', 'Jansen', 'John', 'Jürgens', 'Kalb', 'Käfer',
  'Kern', 'Kessler', 'Kirchner', 'Klaus', 'Klose', 'Knoll', 'Kolb', 'Köster', 'Kramer', 'Kranz',
  'Kroll', 'Kühne', 'Kunz', 'Kurz', 'Lammert', 'Landgraf', 'Lenz', 'Liebig', 'Lindner', 'Link',
  'Löffler', 'Lohmann', 'Lutz', 'Mack', 'Marx', 'Maurer', 'Menzel', 'Merkel', 'Michel', 'Moritz',
  'Mühlbauer', 'Münch', 'Nagel', 'Naumann', 'Nickel', 'Nolte', 'Nüßlein', 'Oswald', 'Ott', 'Paul',
  'Petersen', 'Pietsch', 'Rausch', 'Reuter', 'Riedel', 'Rieger', 'Ritter', 'Rößler', 'Ruf', 'Rupp',
  'Sander', 'Schade', 'Scharf', 'Schilling', 'Schlegel', 'Schmidtke', 'Schöne', 'Schönfeld', 'Schüler', 'Schütz',
  'Schwab', 'Seifert', 'Siebert', 'Sievers', 'Stark', 'Steffen', 'Stöckl', 'Strauß', 'Sühring', 'Süß',
  'Thiel', 'Thiele', 'Ulrich', 'Unger', 'Veit', 'Völker', 'Wagener', 'Walther', 'Weidner', 'Weigel',
  'Weise', 'Wendt', 'Wenzel', 'Wiegand', 'Wilhelm', 'Will', 'Witt', 'Wittmann', 'Wörner', 'Würth',
  'Zander', 'Zeller', 'Ziegert', 'Zöllner', 'Brückner', 'Dröge', 'Gräber', 'Hüttner', 'Kübler', 'Lüders',
  'Mößner', 'Pröll', 'Rückert', 'Schlüter', 'Stähler', 'Tröger', 'Vöhringer', 'Wächter', 'Bräuer', 'Höhne',
];

/** First names by gender and by the years people were born. */
const GERMAN_FIRST: Record<Gender, ReadonlyArray<readonly [number, readonly string[]]>> = {
  f: [
    [1954, ['Ursula', 'Helga', 'Renate', 'Brigitte', 'Ingrid', 'Gisela', 'Monika', 'Karin', 'Erika', 'Christa', 'Elke', 'Gerda', 'Hannelore', 'Irmgard', 'Marianne', 'Rosemarie', 'Waltraud', 'Edith', 'Hildegard', 'Inge', 'Bärbel', 'Jutta', 'Käthe']],
    [1969, ['Sabine', 'Petra', 'Andrea', 'Susanne', 'Gabriele', 'Birgit', 'Claudia', 'Martina', 'Heike', 'Angelika', 'Karin', 'Ute', 'Doris', 'Kerstin', 'Beate', 'Cornelia', 'Regina', 'Annette', 'Dagmar', 'Bärbel', 'Elke']],
    [1984, ['Stefanie', 'Nicole', 'Sandra', 'Katrin', 'Anja', 'Tanja', 'Melanie', 'Christina', 'Daniela', 'Simone', 'Silke', 'Nadine', 'Julia', 'Kathrin', 'Sonja', 'Manuela', 'Britta', 'Yvonne', 'Jana', 'Jördis']],
    [1999, ['Julia', 'Lisa', 'Sarah', 'Laura', 'Anna', 'Katharina', 'Jennifer', 'Lena', 'Vanessa', 'Jessica', 'Sophie', 'Franziska', 'Janina', 'Jasmin', 'Carolin', 'Michelle', 'Nina', 'Theresa', 'Kim', 'Ann-Kathrin']],
    [2099, ['Lea', 'Hannah', 'Leonie', 'Anna', 'Lena', 'Lara', 'Emily', 'Sophie', 'Marie', 'Johanna', 'Emma', 'Mia', 'Lina', 'Luisa', 'Zoë', 'Amélie', 'Frieda', 'Clara']],
  ],
  m: [
    [1954, ['Hans', 'Peter', 'Wolfgang', 'Klaus', 'Jürgen', 'Dieter', 'Manfred', 'Gerhard', 'Günter', 'Horst', 'Werner', 'Helmut', 'Heinz', 'Rolf', 'Bernd', 'Walter', 'Karl-Heinz', 'Hans-Jürgen', 'Siegfried', 'Rüdiger', 'Lothar', 'Gerd']],
    [1969, ['Thomas', 'Michael', 'Andreas', 'Frank', 'Uwe', 'Stefan', 'Ralf', 'Jörg', 'Peter', 'Jürgen', 'Bernd', 'Matthias', 'Martin', 'Rainer', 'Holger', 'Detlef', 'Norbert', 'Joachim', 'Harald', 'Dirk', 'Olaf', 'Günther']],
    [1984, ['Christian', 'Michael', 'Stefan', 'Markus', 'Thomas', 'Daniel', 'Alexander', 'Sven', 'Tobias', 'Jan', 'Oliver', 'Dirk', 'Marco', 'Sebastian', 'Björn', 'Mario', 'Torsten', 'Carsten', 'Jens', 'Matthias', 'Jörn']],
    [1999, ['Jan', 'Daniel', 'Florian', 'Tobias', 'Philipp', 'Kevin', 'Dennis', 'Marcel', 'Patrick', 'Lukas', 'Sebastian', 'Felix', 'Maximilian', 'David', 'Tim', 'Niklas', 'Fabian', 'Dominik', 'Jonas', 'Sören']],
    [2099, ['Lukas', 'Leon', 'Jonas', 'Luca', 'Finn', 'Felix', 'Tim', 'Niklas', 'Paul', 'Ben', 'Elias', 'Noah', 'Jannik', 'Maximilian', 'Moritz', 'Tom', 'Julian', 'Nils', 'Lennart', 'Jöran']],
  ],
};

interface OriginNames {
  first: Record<Gender, readonly string[]>;
  /** Surnames; a pair [male, female] where the language inflects them. */
  last: ReadonlyArray<string | readonly [string, string]>;
}

const OTHER_ORIGINS: Record<Exclude<Origin, 'german'>, OriginNames> = {
  turkish: {
    first: {
      f: ['Ayşe', 'Fatma', 'Elif', 'Zeynep', 'Emine', 'Özlem', 'Gülsen', 'Derya', 'Esra', 'Merve', 'Büşra', 'Selin', 'Hülya', 'Gönül'],
      m: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'Emre', 'Murat', 'Can', 'Burak', 'Deniz', 'Yusuf', 'Ömer', 'Serkan'],
    },
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan',
      'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat', 'Korkmaz', 'Güler', 'Acar', 'Ünal', 'Aksoy'],
  },
  polish: {
    first: {
      f: ['Anna', 'Katarzyna', 'Agnieszka', 'Małgorzata', 'Joanna', 'Magdalena', 'Monika', 'Ewa', 'Dorota', 'Beata'],
      m: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Marek', 'Michał', 'Łukasz', 'Andrzej', 'Jakub', 'Grzegorz'],
    },
    last: ['Nowak', 'Wójcik', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Woźniak', ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'],
      ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], ['Kamiński', 'Kamińska'], ['Dąbrowski', 'Dąbrowska'],
      ['Szymański', 'Szymańska'], ['Kozłowski', 'Kozłowska']],
  },
  russian_german: {
    first: {
      f: ['Olga', 'Natalia', 'Irina', 'Swetlana', 'Tatjana', 'Jelena', 'Ljudmila', 'Valentina', 'Anastasia', 'Xenia'],
      m: ['Waldemar', 'Viktor', 'Alexander', 'Sergej', 'Dmitri', 'Eduard', 'Andrej', 'Jewgeni', 'Artur', 'Witali'],
    },
    last: ['Schmidt', 'Wagner', 'Becker', 'Schäfer', 'Fischer', 'Neumann', 'Ries', 'Dyck', 'Klassen', 'Janzen',
      'Penner', 'Friesen', 'Wiens', 'Giesbrecht', ['Iwanow', 'Iwanowa'], ['Kusnezow', 'Kusnezowa'], ['Popow', 'Popowa']],
  },
  italian: {
    first: { f: ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Alessia', 'Maria'], m: ['Giuseppe', 'Marco', 'Antonio', 'Luca', 'Francesco', 'Salvatore'] },
    last: ['Rossi', 'Russo', 'Esposito', 'Romano', 'Colombo', 'Ferrari', 'Greco', 'De Luca', 'Lombardi', 'Caruso'],
  },
  greek: {
    first: { f: ['Eleni', 'Maria', 'Sofia', 'Katerina', 'Georgia', 'Dimitra'], m: ['Dimitrios', 'Georgios', 'Konstantinos', 'Nikolaos', 'Ioannis', 'Christos'] },
    last: ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Papadakis', 'Vlachos', 'Oikonomou', 'Karagiannis', 'Alexiou'],
  },
  balkan: {
    first: { f: ['Ana', 'Ivana', 'Marija', 'Jelena', 'Maja', 'Vesna', 'Amra'], m: ['Ivan', 'Marko', 'Dragan', 'Zoran', 'Goran', 'Stefan', 'Emir'] },
    last: ['Horvat', 'Kovačević', 'Petrović', 'Jovanović', 'Babić', 'Marić', 'Novaković', 'Hadžić', 'Begić', 'Krasniqi'],
  },
  vietnamese: {
    first: { f: ['Linh', 'Thu', 'Lan', 'Mai', 'Hoa', 'Ngọc'], m: ['Minh', 'Duc', 'Huy', 'Tuan', 'Quang', 'Long'] },
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang'],
  },
  arabic: {
    first: { f: ['Fatima', 'Rania', 'Lina', 'Amira', 'Nour', 'Leila'], m: ['Mohammed', 'Ahmad', 'Omar', 'Khaled', 'Tarek', 'Samir'] },
    last: ['Haddad', 'Khalil', 'Saleh', 'Al-Ahmad', 'Nasser', 'Hamdan', 'Mansour', 'Abboud'],
  },
  iberian: {
    first: { f: ['Ana', 'Sofía', 'Lucía', 'Inês', 'Carmen', 'Beatriz'], m: ['José', 'Carlos', 'João', 'Miguel', 'Andrés', 'Raúl'] },
    last: ['García', 'Fernández', 'Martínez', 'López', 'Silva', 'Pereira', 'Gonçalves', 'Sánchez'],
  },
  french: {
    first: { f: ['Hélène', 'Céline', 'Chloé', 'Élodie', 'Camille', 'Margaux'], m: ['François', 'Jérôme', 'Benoît', 'Julien', 'Rémi', 'Stéphane'] },
    last: ['Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Mercier', 'Rousseau'],
  },
};

/** How often each origin appears in the demo book (roughly the German population). */
export const ORIGIN_WEIGHTS: ReadonlyArray<readonly [Origin, number]> = [
  ['german', 81], ['turkish', 6], ['polish', 3], ['russian_german', 3], ['italian', 1.5], ['balkan', 1.5],
  ['greek', 1], ['arabic', 1], ['vietnamese', 0.7], ['iberian', 0.7], ['french', 0.6],
];

/** First names for a German-named client, by gender and birth year. */
export function germanFirstNames(gender: Gender, birthYear: number): readonly string[] {
  const cohorts = GERMAN_FIRST[gender];
  for (const [until, names] of cohorts) if (birthYear <= until) return names;
  return cohorts[cohorts.length - 1]![1];
}

export function otherOrigin(origin: Exclude<Origin, 'german'>): OriginNames {
  return OTHER_ORIGINS[origin];
}

/**
 * The ASCII form people use in email addresses: "Jürgen Weiß" writes
 * juergen.weiss, "Şahin" writes sahin, "Łukasz" writes lukasz.
 */
export function asciiFold(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) {
    const mapped = FOLD[ch];
    if (mapped !== undefined) out += mapped;
    else if (ch >= 'a' && ch <= 'z') out += ch;
    else if (ch >= '0' && ch <= '9') out += ch;
    // spaces, hyphens, apostrophes and marks are dropped
  }
  return out;
}

const FOLD: Record<string, string> = {
  'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'ß': 'ss', 'ı': 'i', 'ş': 's', 'ç': 'c', 'ğ': 'g', 'ł': 'l', 'ś': 's',
  'ń': 'n', 'ó': 'o', 'ż': 'z', 'ź': 'z', 'ą': 'a', 'ę': 'e', 'ć': 'c', 'č': 'c', 'đ': 'd', 'ž': 'z', 'š': 's',
  'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'à': 'a', 'â': 'a', 'î': 'i', 'ï': 'i', 'ô': 'o', 'û': 'u', 'ù': 'u',
  'í': 'i', 'á': 'a', 'ú': 'u', 'ã': 'a', 'õ': 'o', 'ñ': 'n', 'ọ': 'o', 'ộ': 'o', 'ạ': 'a',
};
