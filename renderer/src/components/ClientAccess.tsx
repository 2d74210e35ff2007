// Who has the client: their own advisor and the life coaches it is shared
// with. The owner shares it with a coach from the directory this device keeps
// (so it works offline; the section says how old the list is) and takes a
// share back after a confirmation: the coach's devices drop the client then.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientView } from '#contract/views.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface Props {
  clientId: string;
  client: Pick<ClientView, 'sharedWith' | 'ownerName'>;
  /** The person at this device owns the client: only they share it. */
  owned: boolean;
  onChange: () => Promise<unknown> | void;
}

type Share = ClientView['sharedWith'][number];

export function ClientAccess({ clientId, client: c, owned, onChange }: Props) {
  const { t } = useTranslation();
  const [said, setSaid] = useState<string | null>(null);
  const [stopping, setStopping] = useState<Share | null>(null);
  const unshare = useMutation({
    mutationFn: (s: Share) => client.sharing.unshare({ id: clientId, userId: s.userId }),
    onSuccess: async (_saved, s) => {
      setStopping(null);
      setSaid(t('access.unshared', { name: s.displayName }));
      await onChange();
    },
  });
  return (
    <section className="card" aria-labelledby="access-title" data-testid="client-access">
      <h2 id="access-title">{t('access.title')}</h2>
      <dl className="access-facts">
        <dt>{t('access.owner')}</dt>
        <dd data-testid="access-owner">{owned ? t('access.ownerYou') : (c.ownerName ?? t('access.ownerOther'))}</dd>
        <dt>{t('access.sharedWith')}</dt>
        <dd>
          {c.sharedWith.length === 0 ? <span className="muted" data-testid="access-none">{t('access.sharedNone')}</span> : (
            <ul className="access-list" data-testid="access-shared">
              {c.sharedWith.map((s) => (
                <li key={s.userId}>
                  <span>{s.displayName} <span className="muted small">({t('access.coach')})</span></span>
                  {owned && (
                    <button type="button" className="btn btn-small" aria-label={`${t('access.unshare')}: ${s.displayName}`}
                      onClick={() => { setSaid(null); unshare.reset(); setStopping(s); }}>
                      {t('access.unshare')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {said && <p className="small" role="status" data-testid="access-said">{said}</p>}
      {owned ? <ShareForm clientId={clientId} shared={c.sharedWith} onShared={async (name) => { setSaid(t('access.shared', { name })); await onChange(); }} onStart={() => setSaid(null)} />
        : <p className="muted small">{t('access.ownerDecides')}</p>}
      <ConfirmDialog open={stopping !== null} title={t('access.unshareTitle', { name: stopping?.displayName ?? '' })} tone="danger"
        confirmLabel={t('access.unshare')} busy={unshare.isPending} testId="unshare-confirm"
        onConfirm={() => { if (stopping) unshare.mutate(stopping); }} onCancel={() => setStopping(null)}>
        <p>{t('access.unshareExplain', { name: stopping?.displayName ?? '' })}</p>
        {unshare.isError && <p className="form-error" role="alert">{errorMessage(t, unshare.error)}</p>}
      </ConfirmDialog>
    </section>
  );
}

function ShareForm({ clientId, shared, onShared, onStart }: { clientId: string; shared: Share[]; onShared: (name: string) => Promise<void>; onStart: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const selectId = useId();
  const directory = useQuery(orpc.sharing.coaches.queryOptions());
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  const share = useMutation({
    mutationFn: (userId: string) => client.sharing.share({ id: clientId, userId }),
    onSuccess: async (_saved, userId) => {
      const name = directory.data?.people.find((p) => p.id === userId)?.displayName ?? '';
      setChosen('');
      await onShared(name);
    },
  });
  if (!directory.data) return null;
  const { people, updatedAt, enrolled } = directory.data;
  if (!enrolled) return <p className="muted small" data-testid="access-not-enrolled">{t('access.notEnrolled')}</p>;
  if (updatedAt === null) return <p className="muted small">{t('access.directoryNever')}</p>;
  const offered = people.filter((p) => !shared.some((s) => s.userId === p.id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onStart();
    setMissing(chosen === '');
    if (chosen !== '' && !share.isPending) share.mutate(chosen);
  };
  return (
    <form className="access-share" onSubmit={submit} noValidate>
      <h3 className="form-section">{t('access.share')}</h3>
      <p className="muted small">{t('access.explain')}</p>
      {offered.length === 0 ? <p className="muted small">{t('access.directoryEmpty')}</p> : (
        <div className="inline-form">
          <div className="field grow">
            <label htmlFor={selectId}>{t('access.choose')}</label>
            <select id={selectId} value={chosen} data-testid="share-coach" aria-invalid={missing || undefined}
              aria-describedby={missing ? `${selectId}-missing` : undefined}
              onChange={(e) => { setChosen(e.target.value); setMissing(false); share.reset(); }}>
              <option value="">{t('access.choosePlaceholder')}</option>
              {offered.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
            </select>
          </div>
          <button type="submit" className="btn" disabled={share.isPending}>{t('access.shareDo')}</button>
        </div>
      )}
      {missing && <p className="field-error" id={`${selectId}-missing`}>{t('access.chooseFirst')}</p>}
      {share.isError && <p className="form-error" role="alert">{errorMessage(t, share.error)}</p>}
      <p className="hint" data-testid="access-directory">{t('access.directory', { when: formatDateTime(updatedAt, lang) })}</p>
    </form>
  );
}
