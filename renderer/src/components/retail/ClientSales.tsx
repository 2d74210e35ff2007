// A client's sales and approval requests on their page, newest first, with the way to sell to them.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCents, formatIsoDate } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { paths } from '../../hooks/useRoute.ts';
import { stateOf } from '../../retail-words.ts';
import { orpc } from '../../rpc.ts';

export function ClientSales({ clientId, canSell }: { clientId: string; canSell: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sales = useQuery({ ...orpc.retail.sales.queryOptions({ input: { clientId } }), gcTime: 0 });
  const approvals = useQuery({ ...orpc.retail.approvals.queryOptions({ input: { clientId } }), gcTime: 0 });
  const requests = approvals.data ?? [];
  // Someone who does not sell sees the section only when there is something in it.
  if (!canSell && (sales.data ?? []).length === 0 && requests.length === 0) return null;
  const money = (c: number) => formatCents(c, lang);
  return (
    <section className="card client-sales" aria-labelledby="client-sales-title" data-testid="client-sales">
      <h2 id="client-sales-title">{t('retail.client.title')}</h2>
      {sales.data?.length === 0 && <p className="muted">{t('retail.client.empty')}</p>}
      <ul className="plain-list">
        {sales.data?.map((s) => (
          <li key={s.id} data-testid="client-sale">
            {t('retail.client.sale', { date: formatIsoDate(s.on, lang), product: `${s.productName?.[lang] ?? s.productId}${s.variant ? ` (${s.variant})` : ''}`, price: money(s.chosenCents) })}
            {s.reason && <span className="muted small"> · {t(`retail.reasons.${s.reason}`)}</span>}
          </li>
        ))}
        {requests.map((a) => (
          <li key={a.id} data-testid="client-approval">
            {t('retail.client.request', { price: money(a.chosenCents), product: a.productName?.[lang] ?? a.productId, state: t(`retail.approvals.state.${stateOf(a)}`) })}
          </li>
        ))}
      </ul>
      {canSell && <a className="btn" href={paths.sale(clientId)}>{t('retail.client.sell')}</a>}
    </section>
  );
}
