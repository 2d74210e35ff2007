// What the manufacturer hands out to the devices, each with the version in
// force and when it was published.
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { Section } from '../Section.tsx';
import { useLoad } from '../useLoad.ts';

const ORDER = ['catalogue', 'price_ranges', 'rule_set', 'value_tiers', 'alert_rules', 'propensities'];

export function Documents() {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useLoad(() => api.documents(), 'documents');
  return (
    <Section title={t('documents.title')} intro={t('documents.intro')} loaded={loaded}>
      {(documents) => documents.length === 0 ? <p className="empty">{t('documents.none')}</p> : (
        <table className="data-table narrow-table" data-testid="documents">
          <thead>
            <tr><th scope="col">{t('documents.document')}</th><th scope="col" className="num">{t('documents.version')}</th><th scope="col">{t('documents.publishedAt')}</th></tr>
          </thead>
          <tbody>
            {[...documents].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind)).map((d) => (
              <tr key={d.kind} data-kind={d.kind}>
                <th scope="row">{t(`documents.kinds.${d.kind}`)}</th>
                <td className="num">{d.version}</td>
                <td>{formatDateTime(d.publishedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
