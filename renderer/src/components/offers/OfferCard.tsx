// One offer: what it is, the argument for this client, reasons a person can
// check, and (for the advisor) the score with each factor, numbers in the
// user's format. The outcome is recorded with the client's reason and the
// offer's reasons as codes (so the advice record can give them in its own
// language); it is a touchpoint and what the manufacturer learns from.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_REASONS } from '#core/advice.ts';
import type { ExplainedOffer } from '#core/offers/index.ts';
import type { SegmentId } from '#core/segments/ids.ts';
import { formatNumber } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { errorMessage, problemsOf } from '../../problems.ts';
import { newId } from '../../ids.ts';
import { client } from '../../rpc.ts';

interface Props { rank: number; offer: ExplainedOffer; clientId: string; meetingId: string; segment: SegmentId | null; clientView: boolean; readOnly: boolean; onDecided: () => void }
type Outcome = 'accepted' | 'rejected' | 'postponed';

export function OfferCard({ rank, offer: o, clientId, meetingId, segment, clientView, readOnly, onDecided }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [pending, setPending] = useState<Outcome | null>(null);
  const [reasonCode, setReasonCode] = useState<(typeof OUTCOME_REASONS)[number] | ''>('');
  const [note, setNote] = useState('');
  // Made once per decision, so a retried save after a lost answer is the same outcome, not a second one.
  const [id, setId] = useState(newId);
  const record = useMutation({
    mutationFn: (outcome: Outcome) => client.offers.outcome({
      id, clientId, meetingId, offerId: o.offer, offerKind: o.kind, outcome, reasonCode: reasonCode || null, note, segment, reasons: o.why.slice(0, 10),
      summary: t('offers.summary', { name: o.name, outcome: t(`offers.outcome.${outcome}`) }),
    }),
    onSuccess: () => { setPending(null); setId(newId()); onDecided(); },
  });
  const decide = (outcome: Outcome) => (outcome === 'accepted' ? record.mutate(outcome) : setPending(outcome));
  const reasonMissing = problemsOf(record.error)?.some((p) => p.field === 'reasonCode');
  const num = (x: number) => formatNumber(Math.round(x * 100) / 100, lang);
  return (
    <li className="offer" data-testid="offer" data-offer={o.offer} data-style={o.argument.style}>
      <div className="offer-head">
        <strong>{rank}. {o.name}</strong>
        {o.within_mandate && <span className="badge internal" data-testid="within-mandate">{t('offers.withinMandate')}</span>}
        {!clientView && o.score !== undefined && <span className="muted small internal" data-testid="offer-score">{t('offers.score', { score: num(o.score) })}</span>}
      </div>
      <p className="small">{o.argument.text}</p>
      {o.variants && (
        <ul className="variants small" data-testid="offer-variants">
          {o.variants.map((v) => <li key={v.id}><strong>{v.id}</strong> {v.name}</li>)}
        </ul>
      )}
      {o.reasons.length > 0 && <p className="muted small">{o.reasons.join(' · ')}</p>}
      {!clientView && o.breakdown && (
        <p className="muted small internal" data-testid="offer-breakdown">
          {t('offers.breakdown', { p: num(o.breakdown.propensity), v: num(o.breakdown.value), l: num(o.breakdown.lever), c: num(o.breakdown.context) })}
        </p>
      )}
      {!readOnly && (
        <div className="row-actions internal">
          <button type="button" className="btn btn-small" disabled={record.isPending} onClick={() => decide('accepted')}>{t('offers.accept')}</button>
          <button type="button" className="btn btn-small" disabled={record.isPending} onClick={() => decide('rejected')}>{t('offers.reject')}</button>
          <button type="button" className="btn btn-small" disabled={record.isPending} onClick={() => decide('postponed')}>{t('offers.postpone')}</button>
        </div>
      )}
      {pending && (
        <div className="offer-reason internal" data-testid="offer-reason">
          <label className="field">{t('offers.reasonLabel')}
            <select value={reasonCode} onChange={(e) => setReasonCode(e.target.value as typeof reasonCode)} aria-invalid={reasonMissing || undefined}>
              <option value="">{t('offers.reasonChoose')}</option>
              {OUTCOME_REASONS.filter((r) => r !== 'convinced').map((r) => <option key={r} value={r}>{t(`offers.reason.${r}`)}</option>)}
            </select>
          </label>
          <label className="field">{t('offers.note')}
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="btn btn-small btn-primary" disabled={record.isPending} onClick={() => record.mutate(pending)}>
            {t(`offers.confirm.${pending}`)}
          </button>
          {reasonMissing && <p className="field-error">{t('offers.reasonRequired')}</p>}
        </div>
      )}
      {record.isError && !reasonMissing && <p className="form-error" role="alert">{errorMessage(t, record.error)}</p>}
    </li>
  );
}
