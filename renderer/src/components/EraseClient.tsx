// The client's right to erasure. Two steps, because it cannot be undone: it
// reaches the manufacturer and every other device at the next sync. The
// confirmation says which advice records the law keeps, restricted, and until when.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { navigate, paths } from '../hooks/useRoute.ts';
import { raiseNotice } from '../notice.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

export function EraseClient({ clientId, name }: { clientId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lang = useLang();
  const [asking, setAsking] = useState(false);
  const kept = useQuery({ ...orpc.retention.ofClient.queryOptions({ input: { clientId } }), enabled: asking });
  const erase = useMutation({
    mutationFn: () => client.clients.erase({ id: clientId }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: orpc.clients.get.key({ input: { id: clientId } }) });
      await queryClient.invalidateQueries({ queryKey: orpc.clients.list.key() });
      await queryClient.invalidateQueries({ queryKey: orpc.retention.key() });
      // Where the user lands, it says that it happened and where it goes next.
      raiseNotice({ key: 'erased', params: { name }, hash: paths.clients() });
      navigate(paths.clients());
    },
  });
  return (
    <section className="card erase" aria-labelledby="erase-title" data-testid="erase-client">
      <h2 id="erase-title">{t('erase.title')}</h2>
      <p className="small muted">{t('erase.explain')}</p>
      {!asking ? (
        <button type="button" className="btn" onClick={() => setAsking(true)}>{t('erase.start')}</button>
      ) : (
        <div role="alertdialog" aria-labelledby="erase-confirm">
          <p id="erase-confirm"><strong>{t('erase.confirm', { name })}</strong></p>
          {kept.data && kept.data.count > 0 && kept.data.until !== null && (
            <p data-testid="erase-keeps">{t('retention.eraseKeeps', { count: kept.data.count, until: formatDate(kept.data.until, lang) })}</p>
          )}
          <button type="button" className="btn btn-danger" disabled={erase.isPending} onClick={() => erase.mutate()}>{t('erase.do')}</button>
          <button type="button" className="btn" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
        </div>
      )}
      {erase.isError && <p className="form-error" role="alert">{errorMessage(t, erase.error)}</p>}
    </section>
  );
}
