// The client's contact data, personal details (birth date, household) and
// notes; each field saves itself. Marked as asked for by the client, a change
// is recorded as a correction (what, before, after, who, when): the value it
// replaces is the one the card was showing as saved.
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '#core/client.ts';
import type { ClientView } from '#contract/views.ts';
import { client, orpc } from '../rpc.ts';
import { AutoDateField } from './AutoDateField.tsx';
import { AutoField } from './AutoField.tsx';

type Editable = 'firstName' | 'lastName' | 'email' | 'phone' | 'street' | 'postalCode' | 'city' | 'birthDate' | 'householdSize' | 'household' | 'notes';

export function ContactCard({ client: c }: { client: ClientView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [atRequest, setAtRequest] = useState(false);
  // What each field holds as saved: the core's value when the card opened, then what this card saved.
  const held = useRef<Partial<Record<Editable, string | number | null>>>({});
  const heldValue = (field: Editable) => (field in held.current ? held.current[field]! : c[field] ?? null);

  const saver = (field: Editable) => async (value: string) => {
    const patch = field === 'householdSize'
      ? { householdSize: value === '' ? null : Number(value) }
      : { [field]: value };
    const correction = atRequest ? { before: { [field]: heldValue(field) } } : undefined;
    const saved = await client.clients.update({ id: c.id, patch, correction });
    const fresh = (await queryClient.fetchQuery({ ...orpc.clients.get.queryOptions({ input: { id: c.id } }), staleTime: 0 })).client;
    held.current[field] = fresh[field] ?? null;
    void queryClient.invalidateQueries({ queryKey: orpc.clients.list.key() });
    if (correction) void queryClient.invalidateQueries({ queryKey: orpc.clients.corrections.key({ input: { clientId: c.id } }) });
    return saved;
  };
  const field = (name: Editable, extra: Partial<Parameters<typeof AutoField>[0]> = {}) => (
    <AutoField
      testId={`c-${name}`}
      label={t(`clientFields.${name}`)}
      initial={c[name] === null || c[name] === undefined ? '' : String(c[name])}
      save={saver(name)}
      {...extra}
    />
  );

  return (
    <>
      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title">{t('client.contact')}</h2>
        <label className="check" title={t('rights.correctedAtRequestHint')}>
          <input type="checkbox" checked={atRequest} onChange={(e) => setAtRequest(e.target.checked)} data-testid="correction-at-request" />
          {t('rights.correctedAtRequest')}
        </label>
        {atRequest && <p className="small muted">{t('rights.correctedAtRequestHint')}</p>}
        <div className="form-grid">
          {field('firstName', { maxLength: LIMITS.name })}
          {field('lastName', { maxLength: LIMITS.name })}
          {field('email', { type: 'email', maxLength: LIMITS.email })}
          {field('phone', { type: 'tel', maxLength: LIMITS.phone })}
          {field('street', { maxLength: LIMITS.street, className: 'span-2' })}
          {field('postalCode', { maxLength: LIMITS.postalCode })}
          {field('city', { maxLength: LIMITS.city })}
        </div>
      </section>
      <section className="card" aria-labelledby="household-title">
        <h2 id="household-title">{t('client.householdSection')}</h2>
        <div className="form-grid">
          <AutoDateField testId="c-birthDate" label={t('clientFields.birthDate')} initial={c.birthDate ?? ''} save={saver('birthDate')} />
          {field('householdSize', { type: 'number' })}
          {field('household', { multiline: true, maxLength: LIMITS.household, hint: t('clientFields.householdHint'), className: 'span-2' })}
        </div>
      </section>
      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('client.notesSection')}</h2>
        {field('notes', { multiline: true, maxLength: LIMITS.notes, draftKey: `aw:draft:client:${c.id}:notes`, labelHidden: true })}
      </section>
    </>
  );
}
