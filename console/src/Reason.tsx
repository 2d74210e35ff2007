// A price's reason as the retailer gave it: the reason's name, and its text
// where they wrote one ("other" always has one).
import { useTranslation } from 'react-i18next';
import type { PriceReason } from '#core/retail/price.ts';

export function ReasonText({ reason, text }: { reason: PriceReason | null; text: string | null }) {
  const { t } = useTranslation();
  if (reason === null) return <span className="muted">{t('app.none')}</span>;
  return (
    <>
      {t(`reasons.${reason}`)}
      {text && <>: <q className="reason-text">{text}</q></>}
    </>
  );
}
