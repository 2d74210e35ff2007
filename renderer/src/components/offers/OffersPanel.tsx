// Next-best offers beside the interview, ranked live from the answers on the
// screen (core/offers): the segment in force is the advisor's, else the live
// ranking unless the client rejected it. Turned to the client, only what a
// client should see remains: no score, no breakdown, nothing from margins.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rankOffers } from '#core/offers/index.ts';
import type { Profile } from '#core/profile.ts';
import { rankSegments, type SegmentId } from '#core/segments/index.ts';
import { useLang } from '../../hooks/useLang.ts';
import { orpc } from '../../rpc.ts';
import { OfferCard } from './OfferCard.tsx';

interface Props { clientId: string; meetingId: string; profile: Profile; clientView: boolean; readOnly: boolean }

export function OffersPanel({ clientId, meetingId, profile, clientView, readOnly }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const inputs = useQuery(orpc.offers.inputs.queryOptions({ input: { clientId, meetingId } }));
  const result = useMemo(() => {
    const i = inputs.data;
    if (!i) return null;
    const live = i.consent.profiling ? rankSegments(profile, i.ruleSet, { reasonsPerSide: 0 }).primary : null;
    const segment = (i.override ?? (live && i.rejected.includes(live) ? null : live)) as SegmentId | null;
    return rankOffers({
      profile, owned: i.owned, consent: i.consent, mandate: i.mandate, segment, catalogue: i.catalogue, ruleSet: i.ruleSet,
      propensities: i.propensities as Parameters<typeof rankOffers>[0]['propensities'], audience: clientView ? 'client' : 'advisor', lang,
      limit: 10 + i.decided.length,
    });
  }, [inputs.data, profile, clientView, lang]);
  if (!inputs.data || !result) return <section className="card offers"><p className="muted">{t('app.loading')}</p></section>;
  const decided = new Map(inputs.data.decided.map((d) => [d.offerId, d]));
  const open = result.offers.filter((o) => !decided.has(o.offer)).slice(0, 10);
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.offers.inputs.key({ input: { clientId, meetingId } }) });
  return (
    <section className="card offers" aria-labelledby="offers-title" data-testid="offers-panel" data-segment={result.segment ?? ''}>
      <h2 id="offers-title">{t('offers.title')}</h2>
      {result.notice && <p className="muted small internal" data-testid="offers-notice">{t('offers.noProfiling')}</p>}
      {inputs.data.propensities && <p className="muted small internal">{t('offers.learned', { version: inputs.data.propensities.version })}</p>}
      {open.length === 0 ? <p className="muted">{t('offers.none')}</p> : (
        <ol className="offer-list">
          {open.map((o, i) => (
            <OfferCard key={o.offer} rank={i + 1} offer={o} clientId={clientId} meetingId={meetingId} segment={result.segment}
              clientView={clientView} readOnly={readOnly} onDecided={refresh} />
          ))}
        </ol>
      )}
      {decided.size > 0 && (
        <details className="small internal" data-testid="offers-decided">
          <summary>{t('offers.decided', { count: decided.size })}</summary>
          <ul>{[...decided.values()].map((d) => <li key={d.offerId}>{d.offerId}: {t(`offers.outcome.${d.outcome}`)}{d.reasonCode ? ` – ${t(`offers.reason.${d.reasonCode}`)}` : ''}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
