// The client's value at a glance: the tier, each criterion against its
// thresholds, what is missing for the next tier, the lifetime value with its
// arithmetic, the tier's history, and the contracts it is computed from.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { gapText } from '#core/tier-text.ts';
import type { TierView } from '#contract/views.ts';
import { formatCents, formatDate, formatNumber, formatPercent } from '../../format.ts';
import { useClientView } from '../../hooks/useClientView.ts';
import { useLang } from '../../hooks/useLang.ts';
import type { Language } from '../../i18n/language.ts';
import { errorMessage } from '../../problems.ts';
import { rulesEdition } from '../../rules-edition.ts';
import { orpc } from '../../rpc.ts';
import { Clv } from './Clv.tsx';
import { Holdings } from './Holdings.tsx';

type Criterion = TierView['criteria'][number]['criterion'];

/** A criterion's value or threshold as the advisor reads it. */
function show(c: Criterion, n: number, lang: Language): string {
  switch (c) {
    case 'min_yearly_premium': return formatCents(n, lang);
    case 'min_product_areas': return formatNumber(n, lang);
    case 'min_years': return formatNumber(Math.floor(n * 10) / 10, lang);
    case 'min_profile_completeness': return formatPercent(Math.round(n * 100) / 100, lang);
  }
}

export function ValueTier({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const internalHidden = useClientView();
  const view = useQuery(orpc.tiers.get.queryOptions({ input: { clientId } }));
  useConclusionsInStep(clientId, view.data, view.dataUpdatedAt);

  if (view.isError) return <section className="card"><p className="form-error" role="alert">{errorMessage(t, view.error)}</p></section>;
  if (!view.data) return null;
  const v = view.data;
  const tiers = v.criteria[0]?.thresholds.map((x) => x.tier) ?? [];
  return (
    <section className="card" aria-labelledby="value-tier-title" data-testid="value-tier" data-tier={v.tier} data-rejected={v.rejected}>
      <div className="card-head">
        <h2 id="value-tier-title">{t('valueTier.title')}</h2>
        <span className={`tier-badge tier-${v.tier}${v.rejected ? ' is-rejected' : ''}`} data-testid="tier-badge" aria-label={t('valueTier.badge', { tier: v.tier })}>{v.tier}</span>
      </div>
      {v.rejected && <p className="small" role="note">{t('valueTier.rejected', { tier: v.tier })}</p>}
      {!v.rejected && v.benefits[lang].length > 0 && <p className="muted small">{t('valueTier.benefits')}: {v.benefits[lang].join(' · ')}</p>}
      {v.criteria.length > 0 && (
        <table className="tier-criteria small">
          <thead>
            <tr><th scope="col">{t('valueTier.criterion')}</th><th scope="col">{t('valueTier.now')}</th>{tiers.map((x) => <th key={x} scope="col">{t('valueTier.forTier', { tier: x })}</th>)}</tr>
          </thead>
          <tbody>
            {v.criteria.map((c) => (
              <tr key={c.criterion} data-criterion={c.criterion}>
                <th scope="row">{t(`valueTier.criteria.${c.criterion}`)}</th>
                <td>{show(c.criterion, c.value, lang)}</td>
                {tiers.map((x) => {
                  const th = c.thresholds.find((y) => y.tier === x);
                  return <td key={x} className={th ? (th.met ? 'met' : 'not-met') : ''}>{th ? <>{th.met ? '✓' : '✗'} {show(c.criterion, th.threshold, lang)}<span className="sr-only"> {t(th.met ? 'valueTier.met' : 'valueTier.notMet')}</span></> : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p data-testid="tier-gap">{v.next ? t('valueTier.nextMissing', { tier: v.next.tier, gap: gapText(v.next.gaps, lang) }) : t('valueTier.top')}</p>
      {!internalHidden && <Clv clv={v.clv} />}
      <RulesLine version={v.rulesVersion} />
      {v.history.length > 0 && (
        <details className="tier-history">
          <summary>{t('valueTier.history')}</summary>
          <ul className="small">
            {v.history.map((h) => (
              <li key={h.id} data-status={h.status}>{t('valueTier.historyItem', { tier: h.tier, when: formatDate(h.at, lang) })} · {t(`valueTier.status.${h.status}`)}</li>
            ))}
          </ul>
        </details>
      )}
      <Holdings clientId={clientId} holdings={v.holdings} />
    </section>
  );
}

/** Which criteria decide the tier: the manufacturer's edition, or the demo ones before the first sync. */
function RulesLine({ version }: { version: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const edition = rulesEdition(version);
  if (edition === null) return null;
  return <p className="muted small">{edition === 'demo' ? t('valueTier.rulesDemo') : t('valueTier.rules', { n: formatNumber(edition, lang) })}</p>;
}

/**
 * The conclusions card lists tier conclusions too: opening this card may have
 * recorded one, and a rejection there changes what this card says. Whichever
 * of the two was read earlier is read again until both agree.
 */
function useConclusionsInStep(clientId: string, view: TierView | undefined, viewAt: number) {
  const queryClient = useQueryClient();
  const state = useQuery(orpc.segments.state.queryOptions({ input: { clientId } }));
  const mine = view?.history.map((h) => `${h.id}:${h.status}`).join();
  const theirs = state.data?.conclusions.filter((c) => c.kind === 'value_tier').reverse().map((c) => `${c.id}:${c.status}`).join();
  const stateAt = state.dataUpdatedAt;
  useEffect(() => {
    if (mine === undefined || theirs === undefined || mine === theirs) return;
    const stale = viewAt > stateAt ? orpc.segments.state.key({ input: { clientId } }) : orpc.tiers.get.key({ input: { clientId } });
    void queryClient.invalidateQueries({ queryKey: stale });
  }, [mine, theirs, viewAt, stateAt, clientId, queryClient]);
}
