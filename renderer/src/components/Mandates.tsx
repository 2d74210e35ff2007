// The client's mandate for their life coach: budget per period, product areas,
// cap per purchase, validity; what the current period has spent and has left,
// and the purchases made under it. Amounts are saved with the amount they
// replace, so a change made elsewhere meanwhile becomes a decision, not an
// overwrite.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MANDATE_PERIODS } from '#core/mandate.ts';
import type { MandateView } from '#contract/views.ts';
import { formatCents, formatDateTime, formatIsoDate, parseEuroCents, todayIso } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { newId } from '../ids.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client, orpc } from '../rpc.ts';
import { dayForCore, dayText } from '../dates.ts';
import { DateField } from './DateField.tsx';
import { FormField } from './FormField.tsx';
import { useRoleAllows } from '../hooks/useRoles.ts';
import { MandateBudget, MandatePurchases } from './purchase/MandatePurchases.tsx';

interface Props { clientId: string; clientName: string; mandates: MandateView[]; onChange: () => void }

export function Mandates({ clientId, clientName, mandates, onChange }: Props) {
  const { t } = useTranslation();
  const active = mandates.find((m) => m.revokedAt === null);
  const past = mandates.filter((m) => m.revokedAt !== null);
  // Only a life coach is granted a mandate: anyone else is not offered the form.
  const mayGrant = useRoleAllows('mandate.grant');
  return (
    <section className="card" aria-labelledby="mandate-title" data-testid="mandate">
      <h2 id="mandate-title">{t('mandate.title')}</h2>
      <p className="muted small">{t('mandate.explain')}</p>
      {active ? (
        <>
          <ActiveMandate key={`${active.id}:${active.budgetCents}:${active.perPurchaseCapCents}`} mandate={active} onChange={onChange} />
          <MandateBudget clientId={clientId} clientName={clientName} mandate={active} />
          {past.map((m) => <PastMandate key={m.id} mandate={m} clientId={clientId} />)}
        </>
      ) : (
        <>
          {/* Revoked: said first, so nobody looks for a way to buy under it. */}
          {past.map((m) => <PastMandate key={m.id} mandate={m} clientId={clientId} />)}
          {mayGrant ? <GrantForm clientId={clientId} onDone={onChange} /> : <p className="small" data-testid="mandate-coach-only">{t('mandate.coachRoleNeeded')}</p>}
        </>
      )}
    </section>
  );
}

function useAmounts(initial: { budget: string; cap: string }) {
  const lang = useLang();
  const [budget, setBudget] = useState(initial.budget);
  const [cap, setCap] = useState(initial.cap);
  return { budget, setBudget, cap, setCap, budgetCents: parseEuroCents(budget, lang), capCents: parseEuroCents(cap, lang) };
}

function GrantForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const areasOffered = useQuery(orpc.catalogue.areas.queryOptions());
  const amounts = useAmounts({ budget: '', cap: '' });
  const [period, setPeriod] = useState<(typeof MANDATE_PERIODS)[number]>('month');
  const [areas, setAreas] = useState<string[]>([]);
  const lang = useLang();
  const [validFrom, setValidFrom] = useState(() => dayText(todayIso(), lang));
  const [validUntil, setValidUntil] = useState('');
  const [typed, setTyped] = useState(false);
  const grant = useMutation({
    mutationFn: () => client.mandates.grant({
      id: newId(), clientId, budgetCents: amounts.budgetCents ?? -1, perPurchaseCapCents: amounts.capCents ?? -1,
      period, areas, validFrom: dayForCore(validFrom), validUntil: dayForCore(validUntil) || null,
    }),
    onSuccess: onDone,
  });
  const problems = problemsByField(problemsOf(grant.error) ?? []);
  const amountError = (text: string, cents: number | null, field: string) =>
    typed && cents === null ? (text.trim() ? t('errors.notAnAmount') : t('errors.required')) : problems[field] && (field === 'perPurchaseCapCents' && problems[field]!.code === 'out_of_range' ? t('mandate.capTooHigh') : problemMessage(t, problems[field]!));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTyped(true);
    if (amounts.budgetCents !== null && amounts.capCents !== null && !grant.isPending) grant.mutate();
  };
  const offered = areasOffered.data ?? [];
  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{t('mandate.none')}</p>
      <div className="form-row">
        <FormField label={t('mandate.budget')} inputMode="decimal" value={amounts.budget} onChange={(e) => amounts.setBudget(e.target.value)}
          error={amountError(amounts.budget, amounts.budgetCents, 'budgetCents')} data-testid="mandate-budget" />
        <label className="field">{t('mandate.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as typeof period)}>
            {MANDATE_PERIODS.map((p) => <option key={p} value={p}>{t(`mandate.periods.${p}`)}</option>)}
          </select>
        </label>
        <FormField label={t('mandate.cap')} inputMode="decimal" value={amounts.cap} onChange={(e) => amounts.setCap(e.target.value)}
          error={amountError(amounts.cap, amounts.capCents, 'perPurchaseCapCents')} data-testid="mandate-cap" />
      </div>
      <fieldset className="field">
        <legend>{t('mandate.areas')}</legend>
        {offered.length === 0 ? <p className="muted small">{t('mandate.noAreas')}</p> : offered.map((a) => (
          <label key={a} className="check">
            <input type="checkbox" checked={areas.includes(a)} onChange={(e) => setAreas(e.target.checked ? [...areas, a] : areas.filter((x) => x !== a))} />
            {t(`mandate.area.${a}`, { defaultValue: a })}
          </label>
        ))}
        {problems.areas && <p className="field-error">{problemMessage(t, problems.areas)}</p>}
      </fieldset>
      <div className="form-row">
        <DateField label={t('mandate.validFrom')} value={validFrom} onChange={setValidFrom}
          error={problems.validFrom && problemMessage(t, problems.validFrom)} />
        <DateField label={t('mandate.validUntil')} optionalLabel={t('common.optional')} value={validUntil} onChange={setValidUntil}
          error={problems.validUntil && problemMessage(t, problems.validUntil)} />
      </div>
      <button type="submit" className="btn" disabled={grant.isPending || offered.length === 0}>{t('mandate.grant')}</button>
      {grant.isError && !problemsOf(grant.error) && <p className="form-error" role="alert">{errorMessage(t, grant.error)}</p>}
    </form>
  );
}

function ActiveMandate({ mandate, onChange }: { mandate: MandateView; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const plain = (cents: number) => (cents / 100).toFixed(2).replace('.', lang === 'de' ? ',' : '.');
  const amounts = useAmounts({ budget: plain(mandate.budgetCents), cap: plain(mandate.perPurchaseCapCents) });
  // The terms are the coach's to change; a revocation anyone with the client may record.
  const mayChange = useRoleAllows('mandate.update');
  const update = useMutation({
    mutationFn: () => client.mandates.update({
      id: mandate.id,
      patch: { budgetCents: amounts.budgetCents ?? -1, perPurchaseCapCents: amounts.capCents ?? -1 },
      // The amounts this form showed: if they changed elsewhere meanwhile, saving is refused instead of overwriting.
      expected: { budgetCents: mandate.budgetCents, perPurchaseCapCents: mandate.perPurchaseCapCents },
    }),
    onSuccess: onChange,
  });
  const revoke = useMutation({ mutationFn: () => client.mandates.revoke({ id: mandate.id }), onSuccess: onChange });
  const problems = problemsByField(problemsOf(update.error) ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (amounts.budgetCents !== null && amounts.capCents !== null && !update.isPending) update.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="mandate-active">
      <p data-testid="mandate-summary">{t('mandate.summary', { budget: formatCents(mandate.budgetCents, lang), period: t(`mandate.periods.${mandate.period}`), cap: formatCents(mandate.perPurchaseCapCents, lang) })}</p>
      <p className="small">{mandate.areas.map((a) => t(`mandate.area.${a}`, { defaultValue: a })).join(', ')}</p>
      {mayChange && <div className="form-row">
        <FormField label={t('mandate.budget')} inputMode="decimal" value={amounts.budget} onChange={(e) => amounts.setBudget(e.target.value)}
          error={amounts.budgetCents === null ? t('errors.notAnAmount') : problems.budgetCents && problemMessage(t, problems.budgetCents)} data-testid="mandate-budget" />
        <FormField label={t('mandate.cap')} inputMode="decimal" value={amounts.cap} onChange={(e) => amounts.setCap(e.target.value)}
          error={amounts.capCents === null ? t('errors.notAnAmount') : problems.perPurchaseCapCents && (problems.perPurchaseCapCents.code === 'out_of_range' ? t('mandate.capTooHigh') : problemMessage(t, problems.perPurchaseCapCents))} data-testid="mandate-cap" />
      </div>}
      {mayChange && <button type="submit" className="btn" disabled={update.isPending}>{t('mandate.saveAmounts')}</button>}
      <button type="button" className="btn" onClick={() => revoke.mutate()} disabled={revoke.isPending}>{t('mandate.revoke')}</button>
      {(update.isError && !problemsOf(update.error)) || revoke.isError ? <p className="form-error" role="alert">{errorMessage(t, update.error ?? revoke.error)}</p> : null}
      <p className="muted small">{t('mandate.validFrom')} {formatIsoDate(mandate.validFrom, lang)}{mandate.validUntil ? ` – ${formatIsoDate(mandate.validUntil, lang)}` : ''}</p>
    </form>
  );
}

function PastMandate({ mandate, clientId }: { mandate: MandateView; clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="past-mandate" data-testid="mandate-revoked">
      <p className="small">
        <strong>{t('mandate.revoked', { when: formatDateTime(mandate.revokedAt!, lang) })}:</strong>{' '}
        {t('mandate.summary', { budget: formatCents(mandate.budgetCents, lang), period: t(`mandate.periods.${mandate.period}`), cap: formatCents(mandate.perPurchaseCapCents, lang) })}.{' '}
        {t('coach.mandateCard.revokedNothing')}
      </p>
      <MandatePurchases clientId={clientId} mandateId={mandate.id} quiet />
    </div>
  );
}
