// The client book, or the search shown, as a file: Excel or CSV, with the
// headers of the user's language, which an import reads back.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { base64Blob, download } from '../download.ts';
import { formatNumber } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage } from '../problems.ts';
import { client } from '../rpc.ts';

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv' } as const;

export function ListExport({ query }: { query: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const exporting = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') => client.lists.export({ format, query, language: lang === 'en' ? 'en' : 'de' }),
    onSuccess: ({ fileName, base64 }, format) => download(fileName, base64Blob(base64, TYPES[format])),
  });
  const label = (format: string) => t(query ? 'list.exportResult' : 'list.exportBook', { format: format === 'xlsx' ? 'Excel' : 'CSV' });
  return (
    <details className="menu head-action" data-testid="list-export">
      <summary className="btn">{t('list.exportLabel')}</summary>
      <div className="menu-items">
        {(['xlsx', 'csv'] as const).map((format) => (
          <button key={format} type="button" className="btn" disabled={exporting.isPending} onClick={() => exporting.mutate(format)}>{label(format)}</button>
        ))}
        <p className="hint" role="status">
          {exporting.data ? t('list.exported', { fileName: exporting.data.fileName, formatted: formatNumber(exporting.data.clients, lang) }) : ''}
          {exporting.error ? errorMessage(t, exporting.error) : ''}
        </p>
      </div>
    </details>
  );
}
