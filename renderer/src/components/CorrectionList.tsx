// The corrections the client asked for, under the master data: what changed,
// from what to what, who made it and when.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatIsoDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { orpc } from '../rpc.ts';

export function CorrectionList({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery(orpc.clients.corrections.queryOptions({ input: { clientId } }));
  if (!list.data?.length) return null;
  const shown = (field: string, v: string | number | null) => (v === null || v === '' ? t('rights.empty')
    : field === 'birthDate' && typeof v === 'string' ? formatIsoDate(v, lang) : String(v));
  return (
    <section className="card" aria-labelledby="corrections-title" data-testid="corrections">
      <h2 id="corrections-title">{t('rights.corrections')}</h2>
      <ul className="plain-list">
        {list.data.map((c) => (
          <li key={c.id} data-testid="correction">
            {c.changes.map((ch) => (
              <div key={ch.field}>{t('rights.correctionItem', { field: t(`clientFields.${ch.field}`, { defaultValue: t(`digital.${ch.field === 'digitalGroup' ? 'group' : 'step'}`) }), before: shown(ch.field, ch.before), after: shown(ch.field, ch.after) })}</div>
            ))}
            <div className="muted small">{t('rights.correctionBy', { who: c.recordedByName ?? '', when: formatDateTime(c.recordedAt, lang) })}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
