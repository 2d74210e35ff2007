// The segment hint beside the interview: ranked live from the answers on the
// screen (the engine is pure and fast, so there is no round trip to wait for),
// with the segment in force from the conclusions: the advisor's override wins,
// and what the client rejected is not used. Until the answers support a
// segment it names none and says what to ask. Compact, so the offers below
// stay in view: why, how to approach and where the client may head are folded.
// Hidden in the client view.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeId, Profile } from '#core/profile.ts';
import { rankSegments, SEGMENT_NAMES, type SegmentId } from '#core/segments/index.ts';
import { formatNumber } from '../../format.ts';
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
        <p className="muted small">{t('segment.noConsent')}</p>
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
  // English names are written for use inside a sentence; standing alone they start with a capital.
  const title = (s: string) => { const n = name(s); return n.charAt(0).toUpperCase() + n.slice(1); };
  const conclusions = state.data.conclusions;
  const override = state.data.effective?.source === 'advisor' ? state.data.effective : null;
  const overrideRow = override && conclusions.find((c) => c.id === override.conclusionId);
  // What the rules support, if anything; a guess is never named.
  const ruled = result.settled ? result.primary : null;
  const rejected = ruled !== null && conclusions.some((c) => c.kind === 'segment' && c.value === ruled && c.status === 'rejected');
  const shown = override ? override.segment : rejected ? null : ruled;
  const top = result.ranking[0]!;
  const anyAnswer = Object.keys(profile).length > 0;
  const percent = formatNumber(Math.round(result.confidence * 100), lang);

  return (
    <aside className="card segment-hint internal" data-testid="segment-hint" data-state="ready" data-primary={shown ?? ''}
      data-settled={String(result.settled)} data-source={override ? 'advisor' : 'rule'} aria-labelledby="segment-title" aria-live="polite">
      <div className="hint-head">
        <h2 id="segment-title">{t('segment.title')}</h2>
        {ruled && !override && (
          <span className="confidence small" title={t('segment.confidenceHint')}>
            {t('segment.confidence', { value: percent })}
            <meter min={0} max={1} value={result.confidence} aria-hidden="true" />
          </span>
        )}
      </div>
      {shown ? (
        <p className="segment-line">
          <span className="segment-name" data-testid="segment-primary">{title(shown)}</span>{' '}
          <span className="small muted">{override
            ? `${t('segment.byAdvisor')}${override.status === 'confirmed' ? ` · ${t('segment.confirmed')}` : ''}`
            : t('segment.byRules')}</span>
        </p>
      ) : !rejected && (
        <p className="segment-undecided" data-testid="segment-undecided">{t(anyAnswer ? 'segment.undecided' : 'segment.noAnswers')}</p>
      )}
      {override && ruled && override.segment !== ruled && <p className="small muted">{t('segment.rulesSay', { name: name(ruled) })}</p>}
      {rejected && <p className="notice small" data-testid="segment-rejected">{t('segment.rejected', { name: name(ruled) })}</p>}
      {result.askNext ? (
        <p className="ask-next" data-testid="ask-next" data-attribute={result.askNext}>
          {t('segment.askNext', { topic: t(`profile.${result.askNext}.topic`) })}{' '}
          <button type="button" className="btn-link" onClick={() => onAsk(result.askNext!)}>{t('segment.askNextGo')}</button>
        </p>
      ) : <p className="small muted">{t('segment.complete')}</p>}
      <details className="hint-more small" data-testid="segment-more">
        <summary>{t('segment.more')}</summary>
        {override && overrideRow?.reason && <p className="muted">{t('segment.overrideReason', { reason: overrideRow.reason })}</p>}
        {ruled && !rejected && (
          <>
            <Reasons title={t('segment.why')} reasons={top.for} lang={lang} />
            <Reasons title={t('segment.against')} reasons={top.against} lang={lang} against />
            {result.situational.length > 0 && (
              <section>
                <h3>{t('segment.situational')}</h3>
                <ul>
                  {result.situational.map((s) => (
                    <li key={s.segment} className={s.active ? 'active' : undefined}>
                      <strong>{title(s.segment)}</strong>{s.active ? ` (${t('segment.now')})` : ''}: {s.when[lang]}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <Approach approach={result.approach} />
            {result.migration.length > 0 && (
              <section data-testid="segment-migration">
                <h3>{t('segment.migration')}</h3>
                <ul>{result.migration.map((m) => <li key={m.to}><strong>{title(m.to)}</strong>: {m.because.map((b) => b[lang]).join('; ')}</li>)}</ul>
              </section>
            )}
          </>
        )}
        {anyAnswer && (
          <section>
            <h3>{t('segment.ranking')}</h3>
            <ol>{result.ranking.map((r) => <li key={r.segment}>{t('segment.rankingItem', { name: title(r.segment), score: formatNumber(Math.round(r.score * 100), lang) })}</li>)}</ol>
          </section>
        )}
        <OverrideForm clientId={clientId} current={shown} />
      </details>
    </aside>
  );
}
