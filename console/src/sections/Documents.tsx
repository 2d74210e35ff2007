// What the manufacturer hands out to the devices: per document the version in
// force and when it was published, then the versions before it.
import { useTranslation } from 'react-i18next';
import { api, type ConsoleClient } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { Section } from '../Section.tsx';
import { useLoad } from '../useLoad.ts';

type DocumentVersion = Awaited<ReturnType<ConsoleClient['documents']>>[number];
const ORDER: DocumentVersion['kind'][] = ['catalogue', 'price_ranges', 'rule_set', 'value_tiers', 'alert_rules', 'propensities'];

/** Versions per kind, newest first, the kinds in ORDER. */
function byKind(documents: readonly DocumentVersion[]): DocumentVersion[][] {
  return ORDER.map((kind) => documents.filter((d) => d.kind === kind).sort((a, b) => b.version - a.version)).filter((g) => g.length > 0);
}

export function Documents() {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useLoad(() => api.documents(), 'documents');
  return (
    <Section title={t('documents.title')} intro={t('documents.intro')} loaded={loaded}>
      {(documents) => documents.length === 0 ? <p className="empty">{t('documents.none')}</p> : (
        <table className="data-table narrow-table" data-testid="documents">
          <thead>
            <tr>
              <th scope="col">{t('documents.document')}</th><th scope="col" className="num">{t('documents.version')}</th>
              <th scope="col">{t('documents.publishedAt')}</th><th scope="col"><span className="sr-only">{t('documents.state')}</span></th>
            </tr>
          </thead>
          {byKind(documents).map((versions) => (
            <tbody key={versions[0]!.kind} data-kind={versions[0]!.kind}>
              {versions.map((d, i) => (
                <tr key={d.version} className={i === 0 ? 'in-force' : 'earlier'}>
                  {i === 0 && <th scope="rowgroup" rowSpan={versions.length}>{t(`documents.kinds.${d.kind}`)}</th>}
                  <td className="num">{d.version}</td>
                  <td>{formatDateTime(d.publishedAt, lang)}</td>
                  <td>{i === 0 ? <span className="status status-approved">{t('documents.inForce')}</span> : <span className="muted">{t('documents.earlier')}</span>}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </Section>
  );
}
