// The retailer's approval requests, newest first: what was asked, why, and
// what the manufacturer decided. An approved one still in time offers the
// sale at its price; a declined one shows the manufacturer's note.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '#core/client.ts';
import type { ApprovalView } from '#contract/retail.ts';
import { formatCents, formatDate, formatIsoDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths } from '../hooks/useRoute.ts';
import { newId } from '../ids.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';
import { stateOf } from '../retail-words.ts';

const FILTERS = ['all', 'pending', 'approved', 'declined'] as const;
type Filter = (typeof FILTERS)[number];


export function ApprovalsScreen() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useQuery(orpc.retail.approvals.queryOptions({ input: filter === 'all' ? {} : { status: filter } }));
  return (
    <main id="main" className="screen approvals-screen">
      <div className="screen-head"><h1>{t('retail.approvals.title')}</h1></div>
      <p className="muted">{t('retail.approvals.intro')}</p>
      <div className="inbox-filters" role="group" aria-label={t('retail.approvals.status')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className="btn filter" aria-pressed={filter === f} onClick={() => setFilter(f)}>{t(`retail.approvals.filter.${f}`)}</button>
        ))}
      </div>
      {list.isError && <p className="form-error" role="alert">{errorMessage(t, list.error)}</p>}
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : list.data && list.data.length === 0 ? (
        <p className="list-empty">{t('retail.approvals.empty')}</p>
      ) : list.data && (
        <table className="card approval-table" data-testid="approvals">
          <thead>
            <tr>
              <th scope="col">{t('retail.approvals.client')}</th>
              <th scope="col">{t('retail.approvals.product')}</th>
              <th scope="col" className="num">{t('retail.approvals.price')}</th>
              <th scope="col">{t('retail.approvals.reason')}</th>
              <th scope="col">{t('retail.approvals.requested')}</th>
              <th scope="col">{t('retail.approvals.status')}</th>
            </tr>
          </thead>
          <tbody>{list.data.map((a) => <ApprovalRow key={a.id} a={a} />)}</tbody>
        </table>
      )}
    </main>
  );
}

function ApprovalRow({ a }: { a: ApprovalView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const money = (c: number) => formatCents(c, lang);
  const sell = useMutation({
    mutationFn: () => client.retail.recordSale({
      id: newId(), clientId: a.clientId, productId: a.productId, variant: a.variant as 'A' | 'B' | 'C' | null, chosenCents: a.chosenCents, reason: null, approvalId: a.id,
    }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orpc.retail.key() }),
  });
  const state = stateOf(a);
  return (
    <tr data-testid="approval" data-state={state}>
      <td><a href={paths.client(a.clientId)}>{fullName(a.clientName)}</a></td>
      <td>{a.productName?.[lang] ?? a.productId}{a.variant && ` (${a.variant})`}</td>
      <td className="num">
        <strong>{money(a.chosenCents)}</strong>
        <span className="muted small block">{t('retail.approvals.range', { floor: money(a.floorCents), ceiling: money(a.ceilingCents), proposed: money(a.proposedCents) })}</span>
        {a.rangeExpired && <span className="muted small block">{t('retail.approvals.rangeExpired')}</span>}
      </td>
      <td>{a.reason && t(`retail.reasons.${a.reason}`)}{a.reasonText && <span className="muted small block">{a.reasonText}</span>}</td>
      <td>{formatDate(a.requestedAt, lang)}</td>
      <td>
        <span className={`badge approval-${state}`}>{t(`retail.approvals.state.${state}`)}</span>
        {state === 'approved' && <span className="small block">{t('retail.approvals.until', { date: formatIsoDate(a.expiresOn!, lang) })}</span>}
        {state === 'lapsed' && <span className="small block">{t('retail.approvals.lapsedOn', { date: formatIsoDate(a.expiresOn!, lang) })}</span>}
        {a.note && <span className="small block approval-note">{a.note}</span>}
        {a.usable && (sell.isSuccess ? <span className="small block ok" role="status">{t('retail.approvals.recorded')}</span> : (
          <button type="button" className="btn btn-primary small" disabled={sell.isPending} onClick={() => sell.mutate()}>{t('retail.approvals.recordSale')}</button>
        ))}
        {sell.isError && <span className="form-error small block" role="alert">{errorMessage(t, sell.error)}</span>}
      </td>
    </tr>
  );
}
