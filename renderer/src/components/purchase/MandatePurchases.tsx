// Under the mandate on the client page: what the current period has spent and
// has left (with the period's days), the way to buy for the mandate's coach,
// and the purchases made under it.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MandateView } from '#contract/views.ts';
import { formatCents, formatIsoDate, todayIso } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { useRoleAllows } from '../../hooks/useRoles.ts';
import { orpc } from '../../rpc.ts';
import { PurchaseDialog } from './PurchaseDialog.tsx';
import { PurchaseList } from './PurchaseList.tsx';

export function MandateBudget({ clientId, clientName, mandate }: { clientId: string; clientName: string; mandate: MandateView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ofClient = useQuery(orpc.purchases.ofClient.queryOptions({ input: { clientId } }));
  // Only the coach the mandate was granted to buys under it (the store and the backend refuse anyone else).
  const mayBuy = useRoleAllows('purchase.make');
  const mine = useQuery({ ...orpc.coach.clients.queryOptions(), enabled: mayBuy });
  const [buying, setBuying] = useState(false);
  const [bought, setBought] = useState(false);
  const buyButton = useRef<HTMLButtonElement>(null);
  const budget = ofClient.data?.budgets.find((b) => b.mandateId === mandate.id);
  const isMine = mine.data?.some((m) => m.mandateId === mandate.id) ?? false;
  const today = todayIso();
  const money = (c: number) => formatCents(c, lang);
  return (
    <div className="mandate-budget" data-testid="mandate-budget-state">
      {budget ? (
        <p data-testid="mandate-left" data-left={budget.leftCents}>
          <strong>{t(`coach.mandateCard.period.${mandate.period}`, { from: formatIsoDate(budget.period.from, lang), to: formatIsoDate(budget.period.to, lang) })}:</strong>{' '}
          {t('coach.mandateCard.spentLeft', { spent: money(budget.spentCents), left: money(budget.leftCents), budget: money(budget.budgetCents) })}
        </p>
      ) : ofClient.data && (
        <p className="muted small">
          {mandate.validFrom > today ? t('coach.mandateCard.notYet', { from: formatIsoDate(mandate.validFrom, lang) })
            : mandate.validUntil ? t('coach.mandateCard.ended', { until: formatIsoDate(mandate.validUntil, lang) }) : null}
        </p>
      )}
      {budget && isMine && (
        <p className="row-actions">
          <button ref={buyButton} type="button" className="btn" onClick={() => { setBought(false); setBuying(true); }} data-testid="mandate-buy">{t('coach.mandateCard.buy')}</button>
          {bought && <span className="muted small" role="status">{t('coach.actions.announce.bought')}</span>}
        </p>
      )}
      {budget && mayBuy && mine.data && !isMine && <p className="muted small">{t('coach.mandateCard.otherCoach')}</p>}
      {buying && budget && (
        <PurchaseDialog clientId={clientId} clientName={clientName} offered={[]} preselect={[]}
          mandate={{ id: mandate.id, budgetCents: budget.budgetCents, perPurchaseCapCents: mandate.perPurchaseCapCents, areas: mandate.areas, leftCents: budget.leftCents, period: budget.period }}
          onClose={() => { setBuying(false); buyButton.current?.focus(); }}
          onBought={() => { setBuying(false); setBought(true); buyButton.current?.focus(); }} />
      )}
      <MandatePurchases clientId={clientId} mandateId={mandate.id} />
    </div>
  );
}

/** The purchases under one mandate, newest first; `quiet`: nothing at all when there are none (a revoked mandate's line). */
export function MandatePurchases({ clientId, mandateId, quiet = false }: { clientId: string; mandateId: string; quiet?: boolean }) {
  const { t } = useTranslation();
  const ofClient = useQuery(orpc.purchases.ofClient.queryOptions({ input: { clientId } }));
  const list = ofClient.data?.purchases.filter((p) => p.mandateId === mandateId) ?? [];
  if (!ofClient.data || (quiet && list.length === 0)) return null;
  return (
    <div className="mandate-purchases">
      <h3>{t('coach.mandateCard.purchases')}</h3>
      {list.length === 0 ? <p className="muted small">{t('coach.mandateCard.noPurchases')}</p> : <PurchaseList purchases={list} audience="coach" />}
    </div>
  );
}
