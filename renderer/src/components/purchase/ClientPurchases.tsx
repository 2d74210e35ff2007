// For the client, in a meeting with the screen turned to them: what their
// coach bought for them under the mandate and how much of the budget is left.
// Only what a client reads: no charges, no internal notes, no coach.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCents, formatIsoDate } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { orpc } from '../../rpc.ts';
import { PurchaseList } from './PurchaseList.tsx';

export function ClientPurchases({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ofClient = useQuery(orpc.purchases.ofClient.queryOptions({ input: { clientId } }));
  const data = ofClient.data;
  // Without a mandate in force and nothing bought, there is nothing to tell the client.
  if (!data || (data.budgets.length === 0 && data.purchases.length === 0)) return null;
  return (
    <section className="card client-purchases" aria-labelledby="client-purchases-title" data-testid="client-purchases">
      <h2 id="client-purchases-title">{t('coach.clientView.title')}</h2>
      {data.budgets.map((b) => (
        <p key={b.mandateId} data-testid="client-budget-left">
          {t('coach.clientView.left', { to: formatIsoDate(b.period.to, lang), left: formatCents(b.leftCents, lang), budget: formatCents(b.budgetCents, lang) })}
        </p>
      ))}
      {data.purchases.length === 0 ? <p className="muted small">{t('coach.clientView.none')}</p> : <PurchaseList purchases={data.purchases} audience="client" />}
    </section>
  );
}
