// The self-assessment form: made for a client, read back with its answers
// shown beside what the profile holds, and taken as the client's own answers.
// Taking is one transaction: every answer and the timeline entry, or nothing.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { fullName } from '#core/client.ts';
import { DomainError } from '#core/errors.ts';
import type { Language } from '#core/language.ts';
import type { AnswerValue, AttributeId } from '#core/profile.ts';
import { answersOfForm, formFileName, openIdentity, sealIdentity, type FormIdentity } from '#core/self-assessment.ts';
import { getClient, getLocalUser } from '#db/queries.ts';
import { touchpoints } from '#db/schema.ts';
import type { Store } from '#db/store.ts';
import { wordsFor } from './export-words.ts';
import { readFormFields, renderSelfAssessmentForm } from './self-assessment-pdf.ts';

const SECRET_KEY = 'form_secret';

export interface FormAnswer {
  attribute: AttributeId;
  value: AnswerValue;
  /** What the profile holds now, and from whom. */
  held: AnswerValue | null;
  heldBy: string | null;
  /** Whether taking it changes anything: another value, or the same one now in the client's own word. */
  changes: boolean;
}

export interface FormPreview {
  formId: string;
  issuedAt: number;
  language: Language;
  answers: FormAnswer[];
  /** When this very form was taken before, if it was. */
  takenBefore: number | null;
}

const same = (a: AnswerValue | null, b: AnswerValue | null) => JSON.stringify(a) === JSON.stringify(b);

export class SelfAssessments {
  private readonly store: Store;
  /** Saves answers so that what follows from them (conclusions, value tier) is drawn after (services/derive.ts). */
  private readonly save: <T>(clientId: string, change: () => T) => T;

  constructor(store: Store, save: <T>(clientId: string, change: () => T) => T) {
    this.store = store;
    this.save = save;
    // Made when the book is opened, so making and reading a form stay reads.
    if (this.store.readState(SECRET_KEY) === undefined) this.store.writeState(SECRET_KEY, randomBytes(32).toString('hex'));
  }

  /** The workstation's key for sealing forms, kept in the (encrypted) book and never leaving it. */
  private secret(): Uint8Array {
    return Buffer.from(this.store.readState(SECRET_KEY)!, 'hex');
  }

  private client(clientId: string) {
    return getClient(this.store.db, clientId) ?? (() => { throw new DomainError([{ field: 'client', code: 'not_found' }]); })();
  }

  async make(input: { clientId: string; language: Language }) {
    const { client } = this.client(input.clientId);
    const issuedAt = this.store.now();
    const identity: FormIdentity = { v: 1, formId: uuidv7(), clientId: client.id, deviceId: this.store.deviceId, issuedAt, language: input.language };
    const bytes = await renderSelfAssessmentForm({
      language: input.language, clientName: fullName(client), issuedAt,
      advisor: getLocalUser(this.store.db)?.displayName ?? '',
      sealed: sealIdentity(identity, this.secret()),
    });
    return { fileName: formFileName(input.language, client.lastName, issuedAt), base64: Buffer.from(bytes).toString('base64') };
  }

  async read(input: { clientId: string; base64: string }): Promise<FormPreview> {
    const { answers } = this.client(input.clientId);
    const read = await readFormFields(Buffer.from(input.base64, 'base64'));
    if (!read) throw new DomainError([{ field: 'file', code: 'not_a_form' }]);
    const identity = openIdentity(read.sealed, { clientId: input.clientId, deviceId: this.store.deviceId, secret: this.secret() });
    const held = new Map(answers.map((a) => [a.attribute, a]));
    const taken = this.store.db.select({ at: touchpoints.occurredAt }).from(touchpoints)
      .where(and(eq(touchpoints.clientId, input.clientId), eq(touchpoints.refId, identity.formId), isNull(touchpoints.deletedAt))).get();
    return {
      formId: identity.formId, issuedAt: identity.issuedAt, language: identity.language, takenBefore: taken?.at ?? null,
      answers: answersOfForm(read.fields).map(({ attribute, value }) => {
        const h = held.get(attribute);
        const heldValue = (h?.value as AnswerValue | undefined) ?? null;
        return { attribute, value, held: heldValue, heldBy: h?.answeredBy ?? null, changes: !same(heldValue, value) || h?.answeredBy !== 'client' };
      }),
    };
  }

  /** Takes the answers that change something as the client's own; the timeline says when, in the advisor's language. */
  async take(input: { clientId: string; base64: string; language: Language }) {
    const preview = await this.read(input);
    const changes = preview.answers.filter((a) => a.changes);
    const at = this.store.now();
    if (changes.length === 0) return { taken: 0, at };
    const w = wordsFor(input.language);
    this.save(input.clientId, () => {
      for (const a of changes) this.store.mutate('answer.set', { clientId: input.clientId, attribute: a.attribute, value: a.value, answeredBy: 'client' });
      this.store.mutate('touchpoint.add', {
        id: uuidv7(), clientId: input.clientId, kind: 'other', channel: 'other', direction: 'inbound', occurredAt: at, refId: preview.formId,
        summary: w.t('selfAssessment.timeline', { date: w.date(preview.issuedAt), count: changes.length }),
      });
    });
    return { taken: changes.length, at };
  }
}
