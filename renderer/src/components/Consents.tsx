// Consent per purpose: what is in force, how and when it was given, and a way
// to grant or withdraw it. The history, one click away, says per purpose who
// recorded what, when and how, newest first, by name.
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES, type ConsentPurpose } from '#core/consent.ts';
import type { ClientDetail } from '#contract/views.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { ConsentRow } from './ConsentRow.tsx';

type History = ClientDetail['consentHistory'];
interface Props { clientId: string; consent: ClientDetail['consent']; history: History; onChange: () => void }

export function Consents({ clientId, consent, history, onChange }: Props) {
  const { t } = useTranslation();
  // Newest first, whatever order the records came in (a synced one may be older than one made here).
  const newestFirst = [...history].sort((a, b) => b.recordedAt - a.recordedAt);
  return (
    <section className="card" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('client.consent')}</h2>
      <ul className="consent-list">
        {CONSENT_PURPOSES.map((purpose) => (
          <ConsentRow key={purpose} clientId={clientId} purpose={purpose} granted={consent[purpose] ?? false}
            last={newestFirst.find((h) => h.purpose === purpose)} onChange={onChange} />
        ))}
      </ul>
      <details className="consent-history" data-testid="consent-history">
        <summary>{t('consent.history')}</summary>
        {history.length === 0 ? <p className="muted">{t('consent.historyEmpty')}</p> : (
          <>
            <p className="muted small">{t('rights.history.title')}</p>
            {CONSENT_PURPOSES.map((purpose) => (
              <PurposeHistory key={purpose} purpose={purpose} entries={newestFirst.filter((h) => h.purpose === purpose)} />
            ))}
          </>
        )}
      </details>
    </section>
  );
}

function PurposeHistory({ purpose, entries }: { purpose: ConsentPurpose; entries: History }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div data-testid={`consent-history-${purpose}`}>
      <h3 className="small">{t(`consent.purposes.${purpose}`)}</h3>
      {entries.length === 0 ? <p className="muted small">{t('rights.history.none')}</p> : (
        <ul className="small">
          {entries.map((h) => (
            <li key={h.id} data-testid="consent-entry" data-granted={h.granted}>
              {t('rights.history.entry', {
                when: formatDateTime(h.recordedAt, lang),
                state: h.granted ? t('consent.granted') : t('consent.withdrawn'),
                method: t(`consent.methods.${h.method}`),
                who: h.recordedByMe ? t('rights.history.you') : h.recordedByName ?? t('rights.history.someoneElse'),
              })}
              {h.note && <> – {t('rights.history.note', { note: h.note })}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
