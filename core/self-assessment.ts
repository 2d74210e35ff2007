// The self-assessment form: the profile's questions as a fillable PDF the
// client answers at home. The file's layout is the shells' business; what the
// form is, whom it belongs to and how its answers become profile answers is
// decided here, so issuing and reading back cannot disagree.
//
// The PDF shows nothing internal: its fields are named q01…, its choices o1…,
// and which question and answer each stands for follows from the form's
// version. One hidden field carries the form's identity (which client, which
// workstation, when, in which language) with an HMAC over it, keyed by a
// secret of the workstation's: a changed identity or a form of another client
// is recognised and refused.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { berlinDay } from './dates.ts';
import { DomainError } from './errors.ts';
import { uuid } from './validate.ts';
import type { Language } from './language.ts';
import { ATTRIBUTE_IDS, MULTI_VALUE_ATTRIBUTES, PROFILE_ATTRIBUTES, type AnswerValue, type AttributeId } from './profile.ts';

/** The layout a form of this version has: its questions, in this order, each with its choices in profile order. */
export const FORM_VERSION = 1;
export const FORM_QUESTIONS: readonly AttributeId[] = ATTRIBUTE_IDS;

/** The hidden field that carries the form's identity. */
export const IDENTITY_FIELD = 'form';

export const formIdentitySchema = z.object({
  v: z.literal(FORM_VERSION),
  formId: uuid,
  clientId: uuid,
  deviceId: z.string().min(1).max(100),
  issuedAt: z.number().int().positive(),
  language: z.enum(['de', 'en']),
}).strict();
export type FormIdentity = z.infer<typeof formIdentitySchema>;

/** The field of a question: q01, q02, … (a multiple choice has one check box per choice: q09_o3). */
export function questionField(attribute: AttributeId): string {
  return `q${String(FORM_QUESTIONS.indexOf(attribute) + 1).padStart(2, '0')}`;
}

export function choiceName(index: number): string {
  return `o${index + 1}`;
}

export function checkBoxField(attribute: AttributeId, index: number): string {
  return `${questionField(attribute)}_${choiceName(index)}`;
}

function mac(identity: string, secret: Uint8Array): string {
  return bytesToHex(hmac(sha256, secret, utf8ToBytes(identity)));
}

/** The hidden field's value: the identity as JSON and its HMAC. */
export function sealIdentity(identity: FormIdentity, secret: Uint8Array): string {
  const json = JSON.stringify(formIdentitySchema.parse(identity));
  return `${json}.${mac(json, secret)}`;
}

const refuse = (code: 'not_a_form' | 'form_tampered' | 'form_other_client' | 'form_other_device', params?: Record<string, string | number>): never => {
  throw new DomainError([{ field: 'file', code, ...(params && { params }) }]);
};

/** Compares two hex strings in time independent of where they differ. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length || !/^[0-9a-f]*$/.test(a)) return false;
  const x = hexToBytes(a);
  const y = hexToBytes(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/**
 * The identity of a returned form, checked: it must be this workstation's,
 * unchanged, and of the client it is read for.
 */
export function openIdentity(sealed: string | undefined, expected: { clientId: string; deviceId: string; secret: Uint8Array }): FormIdentity {
  if (!sealed) return refuse('not_a_form');
  const dot = sealed.lastIndexOf('.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(sealed.slice(0, dot));
  } catch {
    return refuse('form_tampered');
  }
  const identity = formIdentitySchema.safeParse(parsed);
  if (!identity.success) return refuse('form_tampered');
  // Another workstation's secret cannot check it: say where to read it rather than call it tampered.
  if (identity.data.deviceId !== expected.deviceId) return refuse('form_other_device');
  if (dot < 0 || !sameHex(sealed.slice(dot + 1), mac(sealed.slice(0, dot), expected.secret))) return refuse('form_tampered');
  if (identity.data.clientId !== expected.clientId) return refuse('form_other_client');
  return identity.data;
}

/** What a PDF reader left in the form's fields: a choice's name for a question, whether each check box is ticked. */
export type FilledFields = Record<string, string | boolean | undefined>;

/**
 * The answers a returned form gives, question by question; a question left
 * open gives none (nothing is cleared by a blank). A choice the form never
 * offered means the file was changed by other means than filling it in.
 */
export function answersOfForm(fields: FilledFields): { attribute: AttributeId; value: AnswerValue }[] {
  const answers: { attribute: AttributeId; value: AnswerValue }[] = [];
  for (const attribute of FORM_QUESTIONS) {
    const choices: readonly string[] = PROFILE_ATTRIBUTES[attribute];
    if (MULTI_VALUE_ATTRIBUTES.has(attribute)) {
      const ticked = choices.filter((_, i) => fields[checkBoxField(attribute, i)] === true);
      if (ticked.length > 0) answers.push({ attribute, value: ticked });
      continue;
    }
    const chosen = fields[questionField(attribute)];
    if (chosen === undefined || chosen === '' || chosen === false) continue;
    const index = typeof chosen === 'string' && /^o\d{1,2}$/.test(chosen) ? Number(chosen.slice(1)) - 1 : -1;
    if (index < 0 || index >= choices.length) refuse('form_tampered');
    answers.push({ attribute, value: choices[index]! });
  }
  return answers;
}

/** The form's file name, in the client's language. */
export function formFileName(language: Language, lastName: string, issuedAt: number): string {
  // The day as the advisor and the client see it, in Germany.
  const day = berlinDay(issuedAt);
  const safe = lastName.normalize('NFC').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '') || 'client';
  return `${language === 'de' ? 'Selbstauskunft' : 'Self-assessment'}-${safe}-${day}.pdf`;
}
