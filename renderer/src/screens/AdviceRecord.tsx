// The advice record of one meeting: every version, what it says, whether and
// how it was delivered, the chain checked, a PDF of each, and a correction
// that becomes the next version (a delivered one is frozen).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_CHANNELS } from '#core/advice.ts';
import type { AdviceView } from '#contract/views.ts';
import { AdviceContentView } from '../components/advice/AdviceContentView.tsx';
import { AdviceCorrection } from '../components/advice/AdviceCorrection.tsx';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths } from '../hooks/useRoute.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';
import type { Language } from '../i18n/language.ts';

export function AdviceRecord({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const view = useQuery(orpc.advice.get.queryOptions({ input: { meetingId } }));
  const put = (v: AdviceView) => queryClient.setQueryData(orpc.advice.get.queryKey({ input: { meetingId } }), v);
  if (view.isError) return <main id="main" className="screen"><p className="form-error" role="alert">{errorMessage(t, view.error)}</p></main>;
  if (!view.data) return <main id="main" className="screen"><p className="muted">{t('app.loading')}</p></main>;
  const v = view.data;
  const latest = v.versions.at(-1);
  return (
    <main id="main" className="screen narrow advice">
      <p className="crumbs"><a href={paths.client(v.clientId)}>← {t('advice.backToClient')}</a></p>
      <h1>{t('advice.title')}</h1>
      <p data-testid="advice-chain" data-ok={String(v.chain.ok)} className={v.chain.ok ? 'notice' : 'form-error'} role={v.chain.ok ? undefined : 'alert'}>
        {v.chain.ok ? t('advice.chainOk', { count: v.versions.length }) : t(`advice.chainBroken.${v.chain.problem}`, { version: v.chain.version })}
      </p>
      {!latest ? <p className="muted">{t('advice.none')}</p> : (
        <>
          {[...v.versions].reverse().map((version) => (
            <VersionCard key={version.recordVersion} meetingId={meetingId} version={version} latest={version === latest} onChange={put} />
          ))}
          <AdviceCorrection meetingId={meetingId} content={latest.content} onMade={put} />
        </>
      )}
    </main>
  );
}

function VersionCard({ meetingId, version, latest, onChange }: { meetingId: string; version: AdviceView['versions'][number]; latest: boolean; onChange: (v: AdviceView) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [channel, setChannel] = useState<(typeof DELIVERY_CHANNELS)[number]>('handed_over');
  const deliver = useMutation({ mutationFn: () => client.advice.deliver({ meetingId, recordVersion: version.recordVersion, channel }), onSuccess: onChange });
  const pdf = useMutation({
    mutationFn: (language: Language) => client.advice.pdf({ meetingId, recordVersion: version.recordVersion, language }),
    onSuccess: ({ filename, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: filename });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <section className="card" data-testid={`advice-v${version.recordVersion}`} data-delivered={String(version.deliveredAt !== null)}
      aria-labelledby={`advice-v${version.recordVersion}-title`}>
      <h2 id={`advice-v${version.recordVersion}-title`}>
        {t('advice.version', { n: version.recordVersion })}{latest ? ` · ${t('advice.current')}` : ''}
      </h2>
      <p className="muted small">
        {version.createdAt !== null && `${t('advice.made', { when: formatDateTime(version.createdAt, lang) })} · `}
        {version.deliveredAt !== null
          ? t('advice.delivered', { when: formatDateTime(version.deliveredAt, lang), channel: t(`advice.channel.${version.deliveryChannel}`) })
          : t('advice.notDelivered')}
      </p>
      <AdviceContentView content={version.content} />
      <p className="hash small muted">{t('advice.hash')}: <code>{version.contentHash}</code></p>
      <div className="row-actions">
        {(['de', 'en'] as const).map((language) => (
          <button key={language} type="button" className="btn" onClick={() => pdf.mutate(language)} disabled={pdf.isPending}>{t(`advice.pdfIn.${language}`)}</button>
        ))}
        {version.deliveredAt === null && (
          <>
            <select aria-label={t('advice.channelLabel')} value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
              {DELIVERY_CHANNELS.map((c) => <option key={c} value={c}>{t(`advice.channel.${c}`)}</option>)}
            </select>
            <button type="button" className="btn btn-primary" onClick={() => deliver.mutate()} disabled={deliver.isPending}>{t('advice.deliver')}</button>
          </>
        )}
      </div>
      {(deliver.isError || pdf.isError) && <p className="form-error" role="alert">{errorMessage(t, deliver.error ?? pdf.error)}</p>}
    </section>
  );
}
