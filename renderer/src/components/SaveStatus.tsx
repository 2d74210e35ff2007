// Says where a field's value stands: being saved, saved at a time, or not saved and why.
import { useTranslation } from 'react-i18next';
import type { AutosaverSnapshot } from '../autosaver.ts';
import { formatTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage, isRetryable, problemsOf } from '../problems.ts';

export function SaveStatus({ snap }: { snap: AutosaverSnapshot<unknown> }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (snap.state === 'saving') {
    return <span className="save save-saving">{t('saveState.saving')}</span>;
  }
  if (snap.state === 'error') {
    // Problems with the input itself are shown under the field; here only that it is not saved.
    const message = problemsOf(snap.error) ? t('saveState.pending') : t('saveState.failed', { message: errorMessage(t, snap.error) });
    return (
      <span className="save save-error">
        {message}{isRetryable(snap.error) ? ` ${t('saveState.willRetry')}` : ''}
      </span>
    );
  }
  if (snap.savedAt !== null) {
    return <span className="save save-ok">{t('saveState.saved', { time: formatTime(snap.savedAt, lang) })}</span>;
  }
  return null;
}
