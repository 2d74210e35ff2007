// The lifetime value with its arithmetic one click away: each factor, and
// whether it comes from the client's contracts or is an assumption.
import { useTranslation } from 'react-i18next';
import type { TierView } from '#contract/views.ts';
import { formatCents, formatNumber, formatPercent } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';

export function Clv({ clv }: { clv: TierView['clv'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = clv.factors;
  const margin = formatPercent(f.marginRate.value, lang);
  const years = formatNumber(f.remainingYears.value, lang);
  return (
    <div className="clv" data-testid="clv">
      <p>{t('valueTier.clv')}: <strong>{formatCents(clv.cents, lang)}</strong> <span className="badge badge-internal">{t('valueTier.internal')}</span></p>
      <details>
        <summary>{t('valueTier.clvHow')}</summary>
        <p className="small">{t('valueTier.clvFormula', { premium: formatCents(f.yearlyPremiumCents.value, lang), margin, years })} = {formatCents(clv.cents, lang)}</p>
        <ul className="small muted">
          <li>{t('valueTier.clvPremium')}</li>
          <li>{t('valueTier.clvMargin', { margin })}</li>
          <li>{t('valueTier.clvYears', { years, loyalty: formatNumber(f.remainingYears.loyaltyYears, lang) })}</li>
        </ul>
      </details>
    </div>
  );
}
