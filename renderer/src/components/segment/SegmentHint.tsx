// The segment hint beside the interview: ranked live from the answers on the
// screen (the engine is pure and fast, so there is no round trip to wait for),
// with the segment in force from the conclusions: the advisor's override wins,
// and what the client rejected is not used. Hidden in the client view.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeId, Profile } from '#core/profile.ts';
import { rankSegments, SEGMENT_NAMES, type SegmentId } from '#core/segments/index.ts';
import { useLang } from '../../hooks/useLang.ts';
import { orpc } from '../../rpc.ts';
import { Approach } from './Approach.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { Reasons } from './Reasons.tsx';

interface Props { clientId: string; profile: Profile; profiling: boolean; onAsk: (attribute: AttributeId) => void }

export function SegmentHint({ clientId, profile, profiling, onAsk }: Props) {
  const { t } = useTranslation();
  if (!profiling) {
    return (
      <aside className="card segment-hint internal" data-testid="segment-hint" data-state="no-consent" aria-labelledby="segment-title">
        <h2 id="segment-title">{t('segment.title')}</h2>
        <p className="muted">{t('segment.noConsent')}</p>
      </aside>
    );
  }
  return <LiveHint clientId={clientId} profile={profile} onAsk={onAsk} />;
}

function LiveHint({ clientId, profile, onAsk }: Omit<Props, 'profiling'>) {
  const { t } = useTranslation();
  const lang = useLang();
  const ruleSet = useQuery({ ...orpc.segments.ruleSet.queryOptions(), staleTime: Infinity });
  const state = useQuery(orpc.segments.state.queryOptions({ input: { clientId } }));
  const result = useMemo(() => (ruleSet.data ? rankSegments(profile, ruleSet.data, { reasonsPerSide: 3 }) : null), [profile, ruleSet.data]);
  if (!result || !state.data) return <aside className="card segment-hint internal" data-testid="segment-hint" data-state="loading"><p className="muted">{t('app.loading')}</p></aside>;

  const name = (s: string) => SEGMENT_NAMES[s as SegmentId]?.[lang] ?? s;
  const conclusions = state.data.conclusions;
  const override = state.data.effective?.source === 'advisor' ? state.data.effective : null;
  const overrideRow = override && conclusions.find((c) => c.id === override.conclusionId);
  const rejected = conclusions.some((c) => c.kind === 'segment' && c.value === result.primary && c.status === 'rejected');
  const shown = override ? override.segment : rejected ? null : result.primary;
  const top = result.ranking[0]!;

  return (
    <aside className="card segment-hint internal" data-testid="segment-hint" data-state="ready" data-primary={shown ?? ''}
      data-source={override ? 'advisor' : 'rule'} aria-labelledby="segment-title" aria-live="polite">
      <h2 id="segment-title">{t('segment.title')}</h2>
      {shown && <p className="segment-name" data-testid="segment-primary">{name(shown)}</p>}
      {override ? (
        <>
          <p className="small">{t('segment.byAdvisor')}{override.status === 'confirmed' ? ` · ${t('segment.confirmed')}` : ''}</p>
          {overrideRow?.reason && <p className="small muted">{t('segment.overrideReason', { reason: overrideRow.reason })}</p>}
          {override.segment !== result.primary && <p className="small muted">{t('segment.rulesSay', { name: name(result.primary) })}</p>}
        </>
      ) : (
        <p className="small muted">{t('segment.byRules', { version: result.ruleSetVersion })}</p>
      )}
      {rejected && <p className="notice small" data-testid="segment-rejected">{t('segment.rejected', { name: name(result.primary) })}</p>}
      <div className="confidence" title={t('segment.confidence', { value: Math.round(result.confidence * 100) })}>
        <span className="small">{t('segment.confidence', { value: Math.round(result.confidence * 100) })}</span>
        <meter min={0} max={1} value={result.confidence} />
      </div>
      {result.askNext ? (
        <p className="ask-next" data-testid="ask-next" data-attribute={result.askNext}>
          {t('segment.askNext', { topic: t(`profile.${result.askNext}.topic`) })}{' '}
          <button type="button" className="btn-link" onClick={() => onAsk(result.askNext!)}>{t('segment.askNextGo')}</button>
        </p>
      ) : <p className="small muted">{t('segment.complete')}</p>}
      {!rejected && <Reasons title={t('segment.why')} reasons={top.for} lang={lang} />}
      {!rejected && <Reasons title={t('segment.against')} reasons={top.against} lang={lang} />}
      {result.situational.length > 0 && (
        <section>
          <h3>{t('segment.situational')}</h3>
          <ul className="small">
            {result.situational.map((s) => (
              <li key={s.segment} className={s.active ? 'active' : undefined}>
                <strong>{name(s.segment)}</strong>{s.active ? ` (${t('segment.now')})` : ''}: {s.when[lang]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!rejected && <Approach approach={result.approach} />}
      {result.migration.length > 0 && (
        <section data-testid="segment-migration">
          <h3>{t('segment.migration')}</h3>
          <ul className="small">
            {result.migration.map((m) => <li key={m.to}><strong>{name(m.to)}</strong>: {m.because.map((b) => b[lang]).join('; ')}</li>)}
          </ul>
        </section>
      )}
      <details className="small">
        <summary>{t('segment.ranking')}</summary>
        <ol>{result.ranking.map((r) => <li key={r.segment}>{name(r.segment)} – {Math.round(r.score * 100)}</li>)}</ol>
      </details>
      <OverrideForm clientId={clientId} current={shown} />
    </aside>
  );
}
