// The columns of a client list (CSV or Excel) and how a header names them.
// Lists come from other tools and colleagues, mostly with German headers; a
// header is recognised however it is spelt (case, umlauts, ß, dots, spaces).
import type { Language } from '../language.ts';

/** The client fields a list can carry, in the order an export writes them. */
export const LIST_FIELDS = ['lastName', 'firstName', 'street', 'postalCode', 'city', 'email', 'phone', 'birthDate'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** What each column is called in an export, per language (the import recognises both). */
export const LIST_HEADERS: Record<Language, Record<ListField, string>> = {
  de: { lastName: 'Name', firstName: 'Vorname', street: 'Straße', postalCode: 'PLZ', city: 'Ort', email: 'E-Mail', phone: 'Telefon', birthDate: 'Geburtsdatum' },
  en: { lastName: 'Last name', firstName: 'First name', street: 'Street', postalCode: 'Postal code', city: 'City', email: 'Email', phone: 'Phone', birthDate: 'Date of birth' },
};

/** Further spellings seen in lists, already in their folded form (see foldText). */
const MORE: Record<ListField, readonly string[]> = {
  lastName: ['nachname', 'familienname', 'surname', 'lastname', 'kundenname'],
  firstName: ['vorname', 'rufname', 'firstname', 'givenname'],
  street: ['strasse', 'str', 'strassehausnummer', 'strasseundhausnummer', 'adresse', 'anschrift', 'address', 'street'],
  postalCode: ['plz', 'postleitzahl', 'zip', 'zipcode', 'postcode'],
  city: ['ort', 'wohnort', 'stadt', 'city', 'town'],
  email: ['email', 'mail', 'emailadresse', 'mailadresse'],
  phone: ['telefon', 'tel', 'telefonnummer', 'telnr', 'handy', 'mobil', 'mobilnummer', 'phone', 'mobile'],
  birthDate: ['geburtsdatum', 'gebdatum', 'geburtstag', 'geb', 'birthdate', 'birthday', 'dateofbirth', 'dob'],
};

/** For comparing headers and names: lower case, umlauts and ß spelt out, accents and everything but letters and digits dropped ("Straße " → "strasse", "Müller" → "mueller"). */
export function foldText(header: string): string {
  return header
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

const KNOWN = new Map<string, ListField>();
for (const field of LIST_FIELDS) {
  for (const spelling of [foldText(LIST_HEADERS.de[field]), foldText(LIST_HEADERS.en[field]), ...MORE[field]]) KNOWN.set(spelling, field);
}

/** The field a header names, or null when it names none the book keeps. */
export function fieldOfHeader(header: string): ListField | null {
  return KNOWN.get(foldText(header)) ?? null;
}

/** Column index per field, or null: which column to read each field from. */
export type ColumnMapping = Partial<Record<ListField, number | null>>;

/**
 * The mapping the preview proposes: each recognised header to its field, each
 * field from the first column that names it (a second "Telefon" stays unused).
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, column) => {
    const field = fieldOfHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = column;
  });
  return mapping;
}

/** What a mapping lacks before anything can be imported: a client needs a first and a last name. */
export function mappingProblems(mapping: ColumnMapping, columns: number): { field: ListField; code: 'required' | 'invalid_value' }[] {
  const problems: { field: ListField; code: 'required' | 'invalid_value' }[] = [];
  for (const field of ['lastName', 'firstName'] as const) if (mapping[field] == null) problems.push({ field, code: 'required' });
  for (const field of LIST_FIELDS) {
    const column = mapping[field];
    if (column != null && (!Number.isInteger(column) || column < 0 || column >= columns)) problems.push({ field, code: 'invalid_value' });
  }
  return problems;
}
