// The purchases made under a client's mandate: the day, the products by name
// in the UI's language, the price; for the coach also what each took from the
// budget. Turned to the client it shows what a client should read, nothing
// internal.
import { useTranslation } from 'react-i18next';
import type { PurchaseView } from '#contract/coach.ts';
import { formatCents, formatIsoDate } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';

export function PurchaseList({ purchases, audience }: { purchases: PurchaseView[]; audience: 'coach' | 'client' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = (p: PurchaseView) => p.items.map((i) => i.name?.[lang] ?? t('coach.mandateCard.unknownProduct')).join(', ');
  return (
    <table className="purchase-table" data-testid="purchase-list">
      <thead>
        <tr>
          <th scope="col">{t('coach.mandateCard.date')}</th>
          <th scope="col">{t('coach.mandateCard.products')}</th>
          <th scope="col" className="num">{t('coach.mandateCard.price')}</th>
          {audience === 'coach' && <th scope="col" className="num">{t('coach.mandateCard.charge')}</th>}
        </tr>
      </thead>
      <tbody>
        {purchases.map((p) => (
          <tr key={p.id} data-testid="purchase" data-items={p.items.map((i) => i.id).join(' ')}>
            <td>{formatIsoDate(p.on, lang)}</td>
            <td>
              {names(p)}
              {p.days > 1 && <span className="muted"> ({t('coach.mandateCard.days', { count: p.days })})</span>}
              {audience === 'coach' && p.singleConsent && <span className="muted small"> – {t('coach.mandateCard.consented')}</span>}
            </td>
            <td className="num">{formatCents(p.priceCents, lang)}</td>
            {audience === 'coach' && <td className="num">{formatCents(p.chargeCents, lang)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
