// Says that something irreversible happened, where the user lands after it.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRoute } from '../hooks/useRoute.ts';
import { dismissNotice, useNotice } from '../notice.ts';
import { orpc } from '../rpc.ts';

export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useNotice();
  useRoute(); // drawn again when the screen changes: the notice belongs to one screen
  const sync = useQuery({ ...orpc.sync.status.queryOptions(), enabled: notice !== null });
  if (!notice || location.hash !== notice.hash) return null;
  const enrolled = sync.data && sync.data.phase !== 'not_enrolled';
  return (
    <div className="notice-bar" role="status" data-testid="notice">
      <p>
        <strong>{t('erase.done', notice.params)}</strong>{' '}
        {sync.data && (enrolled ? t('erase.doneSync') : t('erase.doneNotEnrolled'))}
      </p>
      <button type="button" className="btn btn-small" onClick={dismissNotice}>{t('erase.dismiss')}</button>
    </div>
  );
}
