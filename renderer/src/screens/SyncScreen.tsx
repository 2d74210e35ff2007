// Where sync stands: connect the device, sync now, and the changes the
// manufacturer refused, each with its reason.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDomainErrorCode } from '#core/errors.ts';
import type { SyncStatusView } from '#contract/views.ts';
import { FormField } from '../components/FormField.tsx';
import { formatCents, formatClock, formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

export function SyncScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const status = useQuery({ ...orpc.sync.status.queryOptions(), refetchInterval: 2000 });
  const put = (s: SyncStatusView) => queryClient.setQueryData(orpc.sync.status.queryKey(), s);
  const now = useMutation({ mutationFn: () => client.sync.now(), onSuccess: put });
  const dismiss = useMutation({ mutationFn: (seqs: number[]) => client.sync.dismiss({ seqs }), onSuccess: put });
  const resolve = useMutation({ mutationFn: (r: { seq: number; keep: 'mine' | 'current' }) => client.sync.resolve(r), onSuccess: put });
  const s = status.data;

  return (
    <main id="main" className="screen narrow">
      <h1>{t('sync.title')}</h1>
      {status.isError && <p className="form-error" role="alert">{errorMessage(t, status.error)}</p>}
      {s && (
        <section className="card" aria-labelledby="sync-state" data-testid="sync-state" data-phase={s.phase}>
          <h2 id="sync-state">{t(`sync.phase.${s.phase}`)}</h2>
          <p>{t(`sync.explain.${s.phase}`)}</p>
          {s.progress && <p role="status">{t(s.progress.fullResync ? 'sync.progressResync' : 'sync.progress', s.progress)}</p>}
          {s.lastSyncedAt !== null && <p className="muted small">{t('sync.lastSynced', { when: formatDateTime(s.lastSyncedAt, lang) })}</p>}
          {s.nextAttemptAt !== null && s.phase === 'offline' && <p className="muted small">{t('sync.nextAttempt', { when: formatClock(s.nextAttemptAt, lang) })}</p>}
          {s.problem && <p className="muted small">{t('sync.detail', { message: t(`errors.backend.${s.problem}`) })}</p>}
          {s.backendUrl && <p className="muted small">{t('sync.backend', { url: s.backendUrl })}</p>}
          {s.phase !== 'not_enrolled' && s.phase !== 'revoked' && (
            <button type="button" className="btn" disabled={now.isPending || s.phase === 'syncing'} onClick={() => now.mutate()}>{t('sync.now')}</button>
          )}
        </section>
      )}
      {s && (s.phase === 'not_enrolled' || s.phase === 'revoked') && <EnrolForm onDone={put} />}
      {resolve.isError && <p className="form-error" role="alert">{errorMessage(t, resolve.error)}</p>}
      {s && (
        <section className="card" aria-labelledby="sync-refused" data-testid="sync-refused">
          <h2 id="sync-refused">{t('sync.refusedTitle')}</h2>
          {s.refused.length === 0 ? <p className="muted">{t('sync.refusedNone')}</p> : (
            <ul className="refused-list">
              {s.refused.map((r) => (
                <li key={r.seq}>
                  {t('sync.refusedItem', {
                    what: t(`sync.mutation.${r.name}`, { defaultValue: r.name }),
                    reason: t(`sync.reason.${r.code}`, { defaultValue: isDomainErrorCode(r.code) ? problemMessage(t, { field: '', code: r.code }) : t('sync.reason.other') }),
                  })}
                  <span className="muted small"> {formatDateTime(r.at, lang)}</span>
                  {r.conflict ? (
                    <div className="conflict" data-testid="money-conflict">
                      {r.conflict.fields.map((f) => (
                        <p key={f.field}>{t('sync.conflictField', {
                          field: t(`mandate.fields.${f.field}`, { defaultValue: f.field }),
                          yours: formatCents(f.yours, lang), current: f.current === null ? t('common.none') : formatCents(f.current, lang),
                        })}</p>
                      ))}
                      <button type="button" className="btn" disabled={resolve.isPending} onClick={() => resolve.mutate({ seq: r.seq, keep: 'mine' })}>{t('sync.useMine')}</button>
                      <button type="button" className="btn" disabled={resolve.isPending} onClick={() => resolve.mutate({ seq: r.seq, keep: 'current' })}>{t('sync.keepCurrent')}</button>
                    </div>
                  ) : (
                    <>
                      {r.budget && (
                        <p className="conflict" data-testid="budget-conflict">{t('sync.budgetConflict', {
                          charge: r.budget.chargeCents === null ? t('common.none') : formatCents(r.budget.chargeCents, lang),
                          spent: formatCents(r.budget.spentCents, lang), budget: formatCents(r.budget.budgetCents, lang), left: formatCents(r.budget.leftCents, lang),
                        })}</p>
                      )}
                      <button type="button" className="btn-link" onClick={() => dismiss.mutate([r.seq])}>{t('sync.dismiss')}</button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}

function EnrolForm({ onDone }: { onDone: (s: SyncStatusView) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const enrol = useMutation({ mutationFn: () => client.sync.enrol({ url: url.trim(), code, deviceName }), onSuccess: onDone });
  const problems = problemsByField(problemsOf(enrol.error) ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!enrol.isPending) enrol.mutate();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('sync.enrolTitle')}</h2>
      <FormField label={t('sync.url')} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" maxLength={500}
        error={problems.url && problemMessage(t, problems.url)} />
      <FormField label={t('sync.code')} hint={t('sync.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} maxLength={64}
        autoComplete="off" error={problems.code && problemMessage(t, problems.code)} />
      <FormField label={t('sync.deviceName')} value={deviceName} onChange={(e) => setDeviceName(e.target.value)} maxLength={100}
        error={problems.deviceName && problemMessage(t, problems.deviceName)} />
      <button type="submit" className="btn" disabled={enrol.isPending}>{t('sync.enrol')}</button>
      {enrol.isError && !problemsOf(enrol.error) && <p className="form-error" role="alert">{t('sync.enrolFailed', { message: errorMessage(t, enrol.error) })}</p>}
    </form>
  );
}
