// What was concluded about the client, where it came from, and the client's
// word on it. A rejected conclusion stays listed (so it is not put to them
// again) but is used for nothing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEGMENT_NAMES, type SegmentId } from '#core/segments/index.ts';
import type { ConclusionView } from '#contract/views.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { errorMessage } from '../../problems.ts';
import { rulesEdition } from '../../rules-edition.ts';
import { client, orpc } from '../../rpc.ts';

export function Conclusions({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const state = useQuery(orpc.segments.state.queryOptions({ input: { clientId } }));
  if (!state.data) return null;
  const newestFirst = [...state.data.conclusions].reverse();
  const list = newestFirst.filter((c) => c.kind !== 'life_event');
  // Drawn from what the assistant app reported (backend/signals.ts), kept apart: rejecting one stops its alerts.
  const events = newestFirst.filter((c) => c.kind === 'life_event');
  return (
    <section className="card" aria-labelledby="conclusions-title" data-testid="conclusions">
      <h2 id="conclusions-title">{t('conclusions.title')}</h2>
      <p className="muted small">{t('conclusions.explain')}</p>
      {!state.data.profiling && <p className="small" data-testid="conclusions-no-profiling">{t('rights.conclusions.noProfiling')}</p>}
      {list.length === 0 ? <p className="muted">{t('conclusions.none')}</p> : (
        <ul className="conclusion-list">{list.map((c) => <ConclusionItem key={c.id} c={c} clientId={clientId} />)}</ul>
      )}
      <h3 data-testid="life-events-title">{t('rights.conclusions.lifeEventsTitle')}</h3>
      <p className="muted small">{t('rights.conclusions.lifeEventsExplain')}</p>
      {events.length === 0 ? <p className="muted">{t('rights.conclusions.lifeEventsNone')}</p> : (
        <ul className="conclusion-list" data-testid="life-events">{events.map((c) => <ConclusionItem key={c.id} c={c} clientId={clientId} />)}</ul>
      )}
    </section>
  );
}

/** Where a rule's conclusion came from: whose rules, which edition, when, from what (a tier from contracts, not answers). */
function RuleSource({ c, when }: { c: ConclusionView; when: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const edition = rulesEdition(c.ruleSetVersion);
  const answers = Object.keys(c.inputs).length;
  // A life event comes from what the client's assistant app reported, not from the answers.
  if (c.kind === 'life_event') return <>{[t('conclusions.byAssistant'), when].join(', ')}</>;
  const parts = [
    c.kind === 'value_tier' ? t('conclusions.byTierRules') : t('conclusions.byRules'),
    edition === 'demo' ? t('conclusions.editionDemo') : edition !== null ? t('conclusions.edition', { n: formatNumber(edition, lang) }) : null,
    when,
    c.kind === 'value_tier' ? t('conclusions.fromHoldings') : answers > 0 ? t('conclusions.fromAnswers', { count: answers, formatted: formatNumber(answers, lang) }) : null,
  ];
  return <>{parts.filter(Boolean).join(', ')}</>;
}

function ConclusionItem({ c, clientId }: { c: ConclusionView; clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const review = useMutation({
    mutationFn: (status: 'confirmed' | 'rejected') => client.conclusions.review({ id: c.id, status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orpc.segments.state.key({ input: { clientId } }) }),
  });
  const value = c.kind === 'value_tier' ? c.value
    : c.kind === 'life_event' ? t(`profile.life_events.options.${c.value}`, { defaultValue: t('conclusions.kind.life_event') })
      : SEGMENT_NAMES[c.value as SegmentId]?.[lang] ?? c.value;
  const when = formatDateTime(c.decidedAt, lang);
  return (
    <li data-testid="conclusion" data-kind={c.kind} data-status={c.status} data-value={c.value}>
      <strong>{t(`conclusions.kind.${c.kind}`)}: {value}</strong>{' '}
      <span className={`badge status-${c.status}`}>{t(`conclusions.status.${c.status}`)}</span>
      <p className="muted small">
        {c.source === 'advisor' ? t('conclusions.byAdvisor', { when, reason: c.reason ?? '' }) : <RuleSource c={c} when={when} />}
        {c.statusAt !== null && ` · ${t('conclusions.reviewedAt', { when: formatDateTime(c.statusAt, lang) })}`}
      </p>
      {c.status === 'unconfirmed' && (
        <div className="row-actions">
          <button type="button" className="btn btn-small" disabled={review.isPending} onClick={() => review.mutate('confirmed')}>{t('conclusions.confirm')}</button>
          <button type="button" className="btn btn-small" disabled={review.isPending} onClick={() => review.mutate('rejected')}>{t('conclusions.reject')}</button>
        </div>
      )}
      {review.isError && <p className="form-error" role="alert">{errorMessage(t, review.error)}</p>}
    </li>
  );
}
