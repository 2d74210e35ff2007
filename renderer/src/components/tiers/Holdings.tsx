// The contracts the value tier is computed from: a list with a way to end
// each one, and a small form to record a new one from the catalogue.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoldingView, ProductView } from '#contract/views.ts';
import { formatCents, formatIsoDate, parseEuroCents, todayIso } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { newId } from '../../ids.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../../problems.ts';
import { client, orpc } from '../../rpc.ts';
import { dayForCore, dayText } from '../../dates.ts';
import { DateField } from '../DateField.tsx';
import { FormField } from '../FormField.tsx';

/** After a contract changed: the tier, and the conclusions card that lists tier changes. */
function useRefreshTier(clientId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: orpc.tiers.get.key({ input: { clientId } }) }),
    queryClient.invalidateQueries({ queryKey: orpc.segments.state.key({ input: { clientId } }) }),
  ]);
}

export function Holdings({ clientId, holdings }: { clientId: string; holdings: HoldingView[] }) {
  const { t } = useTranslation();
  return (
    <div className="holdings" data-testid="holdings">
      <h3>{t('holding.title')}</h3>
      {holdings.length === 0 ? <p className="muted small">{t('holding.none')}</p> : (
        <ul className="holding-list">{holdings.map((h) => <HoldingItem key={h.id} clientId={clientId} h={h} />)}</ul>
      )}
      <AddHolding clientId={clientId} />
    </div>
  );
}

function HoldingItem({ clientId, h }: { clientId: string; h: HoldingView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refresh = useRefreshTier(clientId);
  const [ending, setEnding] = useState(false);
  const [endedOn, setEndedOn] = useState(() => dayText(todayIso(), lang));
  const end = useMutation({ mutationFn: () => client.holdings.end({ id: h.id, endedOn: dayForCore(endedOn) }), onSuccess: refresh });
  const problem = problemsByField(problemsOf(end.error) ?? []).endedOn;
  return (
    <li data-testid="holding" data-product={h.productId} data-active={h.active} className={h.active ? '' : 'muted'}>
      <strong>{h.name?.[lang] ?? h.productId}</strong>{!h.name && <span className="muted small"> ({t('holding.unknownProduct')})</span>}
      {/* A one-off or per-day product (a trip cover bought under a mandate) has no yearly premium to name. */}
      {h.yearlyPremiumCents > 0 && <>{' · '}{t('holding.perYear', { amount: formatCents(h.yearlyPremiumCents, lang) })}</>}
      {' · '}{t('holding.since', { date: formatIsoDate(h.since, lang) })}
      {h.endedOn && <> · {t('holding.endedOn', { date: formatIsoDate(h.endedOn, lang) })}</>}
      {h.active && !ending && <> <button type="button" className="btn btn-small" onClick={() => setEnding(true)}>{t('holding.end')}</button></>}
      {ending && (
        <div className="inline-form">
          <DateField label={t('holding.endOn')} value={endedOn} onChange={setEndedOn} error={problem && problemMessage(t, problem)} />
          <button type="button" className="btn" disabled={end.isPending} onClick={() => end.mutate()}>{t('holding.confirmEnd')}</button>
          <button type="button" className="btn" onClick={() => { setEnding(false); end.reset(); }}>{t('holding.cancel')}</button>
        </div>
      )}
      {end.isError && !problem && <p className="form-error" role="alert">{errorMessage(t, end.error)}</p>}
    </li>
  );
}

function AddHolding({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refresh = useRefreshTier(clientId);
  const products = useQuery(orpc.catalogue.products.queryOptions());
  const formId = useId();
  const [productId, setProductId] = useState('');
  const [since, setSince] = useState(() => dayText(todayIso(), lang));
  const [premium, setPremium] = useState('');
  const cents = parseEuroCents(premium, lang);
  const add = useMutation({
    mutationFn: () => client.holdings.add({ id: newId(), clientId, productId, since: dayForCore(since), yearlyPremiumCents: cents ?? -1 }),
    onSuccess: () => { setProductId(''); setPremium(''); return refresh(); },
  });
  const problems = problemsByField(problemsOf(add.error) ?? []);
  const choose = (id: string) => {
    setProductId(id);
    // The list price is where most contracts start; the advisor corrects it to what the client pays.
    const list = products.data?.find((p) => p.id === id)?.yearlyListCents;
    if (list != null) setPremium((list / 100).toFixed(2).replace('.', lang === 'de' ? ',' : '.'));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (productId && cents !== null && !add.isPending) add.mutate();
  };
  const byArea = new Map<string, ProductView[]>();
  for (const p of products.data ?? []) byArea.set(p.area, [...(byArea.get(p.area) ?? []), p]);
  return (
    <form className="subform" onSubmit={submit} noValidate aria-label={t('holding.add')}>
      <div className="form-row">
        <div className="field">
          {/* Labelled by id, not by wrapping: a wrapping label would take in every product name. */}
          <div className="field-head"><label htmlFor={`${formId}-product`}>{t('holding.product')}</label></div>
          <select id={`${formId}-product`} value={productId} onChange={(e) => choose(e.target.value)} aria-invalid={problems.productId ? true : undefined}>
            <option value="">{t('holding.choose')}</option>
            {[...byArea].map(([area, list]) => (
              <optgroup key={area} label={t(`mandate.area.${area}`, { defaultValue: area })}>
                {list.map((p) => <option key={p.id} value={p.id}>{p.name[lang]}</option>)}
              </optgroup>
            ))}
          </select>
          {problems.productId && <span className="field-error">{problemMessage(t, problems.productId)}</span>}
        </div>
        <DateField label={t('holding.sinceLabel')} value={since} onChange={setSince} error={problems.since && problemMessage(t, problems.since)} />
        <FormField label={t('holding.premium')} inputMode="decimal" value={premium} onChange={(e) => setPremium(e.target.value)}
          error={premium.trim() && cents === null ? t('errors.notAnAmount') : problems.yearlyPremiumCents && problemMessage(t, problems.yearlyPremiumCents)} />
      </div>
      <button type="submit" className="btn" disabled={add.isPending || !productId || cents === null}>{t('holding.save')}</button>
      {add.isError && !problemsOf(add.error) && <p className="form-error" role="alert">{errorMessage(t, add.error)}</p>}
    </form>
  );
}
