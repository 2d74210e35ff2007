// Shown while this computer's clock runs too far ahead of the manufacturer's:
// how far, what to do, and that nothing is lost meanwhile (changes wait here).
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';
import { useClientView } from '../hooks/useClientView.ts';
import { useLang } from '../hooks/useLang.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';

export function ClockBanner() {
  const { t } = useTranslation();
  const lang = useLang();
  const status = useSyncStatus();
  // Turned to the client, the screen is theirs: the advisor sees it again afterwards.
  const clientView = useClientView();
  const minutes = status?.clockAheadMinutes ?? null;
  if (minutes === null || clientView) return null;
  const pending = status!.pending;
  return (
    <div className="banner banner-clock" role="alert" data-testid="clock-banner">
      <p><strong>{t('clock.ahead', { count: minutes, formatted: formatNumber(minutes, lang) })}</strong> {t('clock.fix')}</p>
      <p>{pending > 0 ? t('clock.kept', { count: pending, formatted: formatNumber(pending, lang) }) : t('clock.keptNone')}</p>
    </div>
  );
}
