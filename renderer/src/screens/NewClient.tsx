// Adding a client: one form, the core's objections shown next to the fields.
// The id is made once per form, so pressing "add" twice (or a retry after a
// lost answer) cannot create the client twice.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '#core/client.ts';
import { DateField } from '../components/DateField.tsx';
import { FormField } from '../components/FormField.tsx';
import { dayForCore } from '../dates.ts';
import { navigate, paths } from '../hooks/useRoute.ts';
import { newId } from '../ids.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'birthDate', 'householdSize', 'household', 'notes'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values;

export function NewClient() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [id] = useState(newId);
  const [values, setValues] = useState<Values>(EMPTY);
  const refs = useRef<Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const create = useMutation({
    mutationFn: () => client.clients.create({
      id,
      firstName: values.firstName,
      lastName: values.lastName,
      email: values.email,
      phone: values.phone,
      street: values.street,
      postalCode: values.postalCode,
      city: values.city,
      birthDate: dayForCore(values.birthDate),
      householdSize: values.householdSize.trim() === '' ? null : Number(values.householdSize),
      household: values.household,
      notes: values.notes,
    }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orpc.clients.key() });
      void queryClient.invalidateQueries({ queryKey: orpc.session.key() });
      navigate(paths.client(id));
    },
    onError: (error) => {
      const problems = problemsOf(error);
      const first = FIELDS.find((f) => problems?.some((p) => p.field.split('.').at(-1) === f));
      if (first) refs.current[first]?.focus();
      else summaryRef.current?.focus();
    },
  });

  const problems = problemsOf(create.error) ?? [];
  const byField = problemsByField(problems);
  const error = (f: Field) => (byField[f] ? problemMessage(t, byField[f]) : undefined);
  const field = (f: Field, extra: Record<string, unknown> = {}) => ({
    label: t(`clientFields.${f}`),
    value: values[f],
    error: error(f),
    ref: (el: HTMLInputElement & HTMLTextAreaElement | null) => { refs.current[f] = el; },
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value })),
    ...extra,
  });
  const optional = t('common.optional');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!create.isPending) create.mutate();
  };

  return (
    <main id="main" className="screen narrow">
      <p><a href={paths.clients()}>← {t('client.back')}</a></p>
      <h1>{t('newClient.title')}</h1>
      <p className="muted">{t('newClient.intro')}</p>
      <form className="card form-grid" onSubmit={submit} noValidate aria-busy={create.isPending}>
        {create.isError && (
          <p className="form-error" role="alert" tabIndex={-1} ref={summaryRef}>
            {problems.length ? t('errors.fixBelow', { count: problems.length }) : errorMessage(t, create.error)}
          </p>
        )}
        <FormField {...field('firstName', { maxLength: LIMITS.name, autoComplete: 'off', autoFocus: true })} />
        <FormField {...field('lastName', { maxLength: LIMITS.name, autoComplete: 'off' })} />
        <h2 className="form-section">{t('newClient.contact')}</h2>
        <FormField {...field('email', { type: 'email', maxLength: LIMITS.email, optionalLabel: optional })} />
        <FormField {...field('phone', { type: 'tel', maxLength: LIMITS.phone, optionalLabel: optional })} />
        <h2 className="form-section">{t('newClient.address')}</h2>
        <FormField {...field('street', { maxLength: LIMITS.street, optionalLabel: optional, className: 'span-2' })} />
        <FormField {...field('postalCode', { maxLength: LIMITS.postalCode, optionalLabel: optional, inputMode: 'numeric' })} />
        <FormField {...field('city', { maxLength: LIMITS.city, optionalLabel: optional })} />
        <h2 className="form-section">{t('client.householdSection')}</h2>
        <DateField label={t('clientFields.birthDate')} optionalLabel={optional} value={values.birthDate} error={error('birthDate')}
          ref={(el) => { refs.current.birthDate = el; }} onChange={(text) => setValues((v) => ({ ...v, birthDate: text }))} />
        <FormField {...field('householdSize', { type: 'number', min: 1, max: 20, optionalLabel: optional })} />
        <FormField {...field('household', { multiline: true, maxLength: LIMITS.household, optionalLabel: optional, hint: t('clientFields.householdHint'), className: 'span-2' })} />
        <FormField {...field('notes', { multiline: true, maxLength: LIMITS.notes, optionalLabel: optional, className: 'span-2' })} />
        <div className="form-actions span-2">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? t('newClient.creating') : t('newClient.create')}
          </button>
          <a className="btn" href={paths.clients()}>{t('common.cancel')}</a>
        </div>
      </form>
    </main>
  );
}
