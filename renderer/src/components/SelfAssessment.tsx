// The self-assessment form on the client's page: made as a fillable PDF in the
// client's language, and once the client sends it back, read with each answer
// beside what the profile holds, then taken as the client's own, or discarded.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeId } from '#core/profile.ts';
import { base64Blob, download, fileBase64 } from '../download.ts';
import { formatDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage } from '../problems.ts';
import { client } from '../rpc.ts';
import { ClientLanguageField, useClientLanguage } from './ClientLanguage.tsx';

type Preview = Awaited<ReturnType<typeof client.selfAssessment.read>>;
type Value = Preview['answers'][number]['value'];

export function SelfAssessment({ clientId, onTaken }: { clientId: string; onTaken: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [language, setLanguage] = useClientLanguage();
  const [returned, setReturned] = useState<{ base64: string; preview: Preview } | null>(null);
  const [said, setSaid] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  // The answers read are the next thing to look at: brought into view, the buttons under them too.
  useEffect(() => { previewRef.current?.scrollIntoView({ block: 'nearest' }); }, [returned]);

  const make = useMutation({
    mutationFn: () => client.selfAssessment.make({ clientId, language }),
    onMutate: () => { read.reset(); take.reset(); },
    onSuccess: ({ fileName, base64 }) => { download(fileName, base64Blob(base64, 'application/pdf')); setSaid(t('selfAssessment.made', { fileName })); },
  });
  const read = useMutation({
    mutationFn: async (file: File) => {
      const base64 = await fileBase64(file);
      return { base64, preview: await client.selfAssessment.read({ clientId, base64 }) };
    },
    onMutate: () => { setReturned(null); setSaid(''); make.reset(); take.reset(); },
    onSuccess: setReturned,
    // The same file may be chosen again after a refusal.
    onSettled: () => { if (fileRef.current) fileRef.current.value = ''; },
  });
  const take = useMutation({
    mutationFn: (base64: string) => client.selfAssessment.take({ clientId, base64, language: lang }),
    onSuccess: ({ taken, at }) => { setReturned(null); setSaid(t('selfAssessment.taken', { count: taken, date: formatDate(at, lang) })); onTaken(); },
  });

  const answerText = (attribute: AttributeId, value: Value | null) =>
    value === null ? t('selfAssessment.none') : (Array.isArray(value) ? value : [value]).map((v) => t(`profile.${attribute}.options.${v}`)).join(', ');
  const heldText = (a: Preview['answers'][number]) => {
    if (!a.changes) return t('selfAssessment.unchanged');
    // The same words, so far the advisor's estimate: taking it makes it the client's own.
    return a.heldBy === 'advisor' ? `${answerText(a.attribute, a.held)} (${t('selfAssessment.byAdvisor')})` : answerText(a.attribute, a.held);
  };
  const changes = returned?.preview.answers.filter((a) => a.changes).length ?? 0;
  const failed = make.error ?? read.error ?? take.error;
  return (
    <section className="card" aria-labelledby="self-assessment-title" data-testid="self-assessment">
      <h2 id="self-assessment-title">{t('selfAssessment.title')}</h2>
      <p className="small muted">{t('selfAssessment.hint')}</p>
      <ClientLanguageField label={t('selfAssessment.language')} value={language} onChange={setLanguage} testId="form-language" />
      <div className="row-actions">
        <button type="button" className="btn" disabled={make.isPending} onClick={() => make.mutate()}>{t('selfAssessment.make')}</button>
        <label className="btn" htmlFor={`form-file-${clientId}`}>{t('selfAssessment.read')}</label>
        <input
          ref={fileRef} id={`form-file-${clientId}`} className="sr-only" type="file" accept=".pdf,application/pdf" data-testid="form-file"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) read.mutate(f); }}
        />
      </div>
      {returned && (
        <div ref={previewRef} className="form-preview" data-testid="form-preview">
          <h3>{t('selfAssessment.preview', { date: formatDate(returned.preview.issuedAt, lang) })}</h3>
          {returned.preview.takenBefore !== null && <p className="small warn">{t('selfAssessment.takenBefore', { date: formatDate(returned.preview.takenBefore, lang) })}</p>}
          {returned.preview.answers.length === 0 ? <p className="small">{t('selfAssessment.empty')}</p> : (
            <table className="form-answers">
              <thead><tr><th>{t('selfAssessment.question')}</th><th>{t('selfAssessment.inForm')}</th><th>{t('selfAssessment.held')}</th></tr></thead>
              <tbody>
                {returned.preview.answers.map((a) => (
                  <tr key={a.attribute} className={a.changes ? '' : 'muted'}>
                    <th scope="row">{t(`profile.${a.attribute}.topic`)}</th>
                    <td>{answerText(a.attribute, a.value)}</td>
                    <td>{heldText(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {returned.preview.answers.length > 0 && changes === 0 && <p className="small">{t('selfAssessment.nothingNew')}</p>}
          <div className="row-actions">
            {changes > 0 && <button type="button" className="btn primary" disabled={take.isPending} onClick={() => take.mutate(returned.base64)}>{t('selfAssessment.take', { count: changes })}</button>}
            <button type="button" className="btn" onClick={() => setReturned(null)}>{t('selfAssessment.cancel')}</button>
          </div>
        </div>
      )}
      <p className="small muted" role="status">{read.isPending ? t('selfAssessment.reading') : said}</p>
      {failed && <p className="form-error" role="alert">{errorMessage(t, failed)}</p>}
    </section>
  );
}
