// Shown while the core does not answer: says nothing is lost and when the next try is.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connection } from '../connection.ts';
import { useConnection } from '../hooks/useConnection.ts';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const { status, nextRetryAt } = useConnection();
  // Re-render twice a second while offline, so the countdown moves.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (status === 'online') return;
    const timer = setInterval(() => setTick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, [status]);
  if (status === 'online') return null;

  const seconds = nextRetryAt ? Math.max(0, Math.ceil((nextRetryAt - Date.now()) / 1000)) : 0;
  return (
    <div className="banner banner-offline" role="alert" data-testid="connection-banner">
      <p>{status === 'session_lost' ? t('connection.sessionLost') : t('connection.offline')}</p>
      <p className="banner-actions">
        <span>{seconds > 0 ? t('connection.retryIn', { seconds }) : t('connection.retrying')}</span>
        <button type="button" className="btn btn-small" onClick={() => connection.retryNow()}>{t('connection.retryNow')}</button>
      </p>
    </div>
  );
}
