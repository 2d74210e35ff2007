// Next-best offers beside the interview, ranked live from the answers on the
// screen (core/offers): the segment in force is the advisor's, else the one
// the answers support unless the client rejected it, else none. What the
// client accepted in this meeting counts as held, so it is not offered again;
// each decision stays in view with an undo while the meeting runs. Turned to
// the client, only what a client should see remains: no score, no breakdown,
// nothing from margins, no reason drawn from the segment. Without the client's
// consent to be contacted about offers the engine proposes none: the panel
// says why and offers to record the consent there and then.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { heldInMeeting, rankOffersExplained, type OfferRequest } from '#core/offers/index.ts';
import type { Profile } from '#core/profile.ts';
import type { ClientDetail } from '#contract/views.ts';
import { settledSegment, type SegmentId } from '#core/segments/index.ts';
import { formatDate } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { orpc } from '../../rpc.ts';
import { OfferCard } from './OfferCard.tsx';
import { OfferDecisions } from './OfferDecisions.tsx';
import { ConsentRow } from '../ConsentRow.tsx';

interface Props {
  clientId: string; meetingId: string; profile: Profile; clientView: boolean; readOnly: boolean;
  /** The newest contact consent record, for the row that records it from here. */
  contactLast?: ClientDetail['consentHistory'][number];
  onConsent?: () => void;
}

/** How many offers the panel lists. */
const SHOWN = 10;

export function OffersPanel({ clientId, meetingId, profile, clientView, readOnly, contactLast, onConsent }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const inputs = useQuery(orpc.offers.inputs.queryOptions({ input: { clientId, meetingId } }));
  const ranked = useMemo(() => {
    const i = inputs.data;
    if (!i) return null;
    const live = i.consent.profiling ? settledSegment(profile, i.ruleSet) : null;
    const rejected = live !== null && i.rejected.includes(live);
    const segment = (i.override ?? (rejected ? null : live)) as SegmentId | null;
    const decidedHere = new Set(i.decided.map((d) => d.offerId));
    const result = rankOffersExplained({
      profile, owned: heldInMeeting(i.owned, i.decided, i.catalogue), consent: i.consent, mandate: i.mandate, segment,
      catalogue: i.catalogue, ruleSet: i.ruleSet, propensities: i.propensities as OfferRequest['propensities'],
      audience: clientView ? 'client' : 'advisor', lang, limit: SHOWN + decidedHere.size,
    });
    // Decided in this meeting (refused, postponed): listed above with its undo, not offered again.
    const open = result.offers.filter((o) => !decidedHere.has(o.offer)).slice(0, SHOWN);
    const why = !i.consent.contact ? 'noContact' : !i.consent.profiling ? 'noProfiling' : segment ? null : rejected ? 'rejected' : 'undecided';
    return { result, open, why };
  }, [inputs.data, profile, clientView, lang]);
  if (!inputs.data || !ranked) return <section className="card offers"><p className="muted">{t('app.loading')}</p></section>;
  const { result, open, why } = ranked;
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.offers.inputs.key({ input: { clientId, meetingId } }) });
  const learned = inputs.data.propensities && result.segment ? inputs.data.propensities.learnedAt : null;
  return (
    <section className="card offers" aria-labelledby="offers-title" data-testid="offers-panel" data-segment={result.segment ?? ''}>
      <h2 id="offers-title">{t('offers.title')}</h2>
      {why === 'noContact' ? (
        <div className="internal" data-testid="offers-notice" data-why={why}>
          <p>{t('rights.offers.noContact')}</p>
          {!readOnly && !clientView && (
            <>
              <p className="muted small">{t('rights.offers.grantHere')}</p>
              <ul className="consent-list">
                <ConsentRow clientId={clientId} purpose="contact" granted={false} last={contactLast}
                  onChange={() => { void refresh(); onConsent?.(); }} />
              </ul>
            </>
          )}
        </div>
      ) : why && <p className="muted small internal" data-testid="offers-notice" data-why={why}>{t(`offers.notice.${why}`)}</p>}
      {learned && <p className="muted small internal" data-testid="offers-learned">{t('offers.learned', { date: formatDate(new Date(learned), lang) })}</p>}
      <OfferDecisions decided={inputs.data.decided} catalogue={inputs.data.catalogue} clientId={clientId} meetingId={meetingId}
        readOnly={readOnly} onUndone={refresh} />
      {open.length === 0 ? <p className="muted">{t('offers.none')}</p> : (
        <ol className="offer-list">
          {open.map((o, i) => (
            <OfferCard key={o.offer} rank={i + 1} offer={o} clientId={clientId} meetingId={meetingId} segment={result.segment}
              clientView={clientView} readOnly={readOnly} onDecided={refresh} />
          ))}
        </ol>
      )}
    </section>
  );
}
