// The client's right of access and portability: everything held about them,
// as a PDF to read (German or English) or as a JSON file, downloaded with the
// client's name and the day in its file name.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../problems.ts';
import { client } from '../rpc.ts';
import { base64Blob, download } from '../download.ts';
import { ClientLanguageField, useClientLanguage } from './ClientLanguage.tsx';

export function ClientExport({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useClientLanguage();
  const [done, setDone] = useState<{ file: string; deviceOnly: boolean } | null>(null);
  const pdf = useMutation({
    mutationFn: () => client.clients.exportPdf({ clientId, language }),
    onSuccess: ({ filename, base64, source }) => {
      download(filename, base64Blob(base64, 'application/pdf'));
      setDone({ file: filename, deviceOnly: source === 'this_device' });
    },
  });
  const json = useMutation({
    mutationFn: () => client.clients.export({ clientId }),
    onSuccess: ({ filename, json: text, source }) => {
      download(filename, new Blob([text], { type: 'application/json' }));
      setDone({ file: filename, deviceOnly: source === 'this_device' });
    },
  });
  const busy = pdf.isPending || json.isPending;
  const failed = pdf.error ?? json.error;
  return (
    <section className="card" aria-labelledby="client-export-title" data-testid="client-export">
      <h2 id="client-export-title">{t('rights.exportTitle')}</h2>
      <p className="small muted">{t('rights.exportExplain')}</p>
      <ClientLanguageField label={t('rights.pdfLanguage')} value={language} onChange={setLanguage} testId="export-language" />
      <div className="row-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => { setDone(null); pdf.mutate(); }}>{t('rights.asPdf')}</button>
        <button type="button" className="btn" disabled={busy} onClick={() => { setDone(null); json.mutate(); }}>{t('rights.asJson')}</button>
      </div>
      <p className="small muted" role="status">
        {busy ? t('rights.working') : done ? [t('rights.downloaded', { file: done.file }), done.deviceOnly ? t('rights.deviceOnly') : ''].filter(Boolean).join(' ') : ''}
      </p>
      {failed && <p className="form-error" role="alert">{errorMessage(t, failed)}</p>}
    </section>
  );
}
