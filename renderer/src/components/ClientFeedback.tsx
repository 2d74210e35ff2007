// NPS and CES after each of the client's purchases under a mandate and at a
// retailer: asked after the purchase, recorded beside it, changed when asked again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

type Subject = { id: string; about: 'purchase' | 'sale'; on: string; what: string };
const NPS = Array.from({ length: 11 }, (_, i) => i);
const CES = Array.from({ length: 7 }, (_, i) => i + 1);

function Row({ clientId, subject, held }: { clientId: string; subject: Subject; held?: { nps: number | null; ces: number | null } }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [nps, setNps] = useState(held?.nps == null ? '' : String(held.nps));
  const [ces, setCes] = useState(held?.ces == null ? '' : String(held.ces));
  const record = useMutation({
    mutationFn: () => client.feedback.record({ id: subject.id, clientId, about: subject.about, nps: nps === '' ? null : Number(nps), ces: ces === '' ? null : Number(ces) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orpc.feedback.key() }),
  });
  const label = t(`satisfaction.${subject.about}`, { date: formatIsoDate(subject.on, lang), what: subject.what });
  return (
    <li data-testid="feedback-row">
      <span>{label}</span>
      <div className="feedback-form">
        <label>{t('satisfaction.nps')} <select value={nps} onChange={(e) => setNps(e.target.value)}>
          <option value="">{t('satisfaction.notAsked')}</option>{NPS.map((n) => <option key={n} value={n}>{n}</option>)}
        </select></label>
        <label>{t('satisfaction.ces')} <select value={ces} onChange={(e) => setCes(e.target.value)}>
          <option value="">{t('satisfaction.notAsked')}</option>{CES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select></label>
        <button type="button" className="btn btn-small" disabled={record.isPending || (nps === '' && ces === '')} onClick={() => record.mutate()}>{t('satisfaction.save')}</button>
      </div>
      <p className="hint" role="status">
        {record.isSuccess ? t('satisfaction.saved', { nps: nps || t('satisfaction.notAsked'), ces: ces || t('satisfaction.notAsked') }) : ''}
        {record.isError ? errorMessage(t, record.error) : ''}
      </p>
    </li>
  );
}

export function ClientFeedback({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const purchases = useQuery(orpc.purchases.ofClient.queryOptions({ input: { clientId } }));
  const sales = useQuery(orpc.retail.sales.queryOptions({ input: { clientId } }));
  const held = useQuery(orpc.feedback.ofClient.queryOptions({ input: { clientId } }));
  if (!purchases.data || !sales.data || !held.data) return null;
  const subjects: Subject[] = [
    ...purchases.data.purchases.map((p) => ({ id: p.id, about: 'purchase' as const, on: p.on, what: p.items.map((i) => i.name?.[lang] ?? i.id).join(', ') })),
    ...sales.data.map((s) => ({ id: s.id, about: 'sale' as const, on: s.on, what: s.productName?.[lang] ?? s.productId })),
  ].sort((a, b) => b.on.localeCompare(a.on));
  if (subjects.length === 0) return null;
  const answers = new Map(held.data.map((f) => [f.id, f]));
  return (
    <section className="card" aria-labelledby="feedback-title" data-testid="client-feedback">
      <h2 id="feedback-title">{t('satisfaction.title')}</h2>
      <p className="hint">{t('satisfaction.hint')}</p>
      <ul className="feedback-list">
        {subjects.map((s) => <Row key={s.id} clientId={clientId} subject={s} held={answers.get(s.id)} />)}
      </ul>
    </section>
  );
}
