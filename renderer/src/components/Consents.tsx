// Consent per purpose: what is in force, how and when it was given, and a way
// to grant or withdraw it. The full history is one click away.
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES } from '#core/consent.ts';
import type { ClientDetail } from '#contract/views.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { ConsentRow } from './ConsentRow.tsx';

interface Props { clientId: string; consent: ClientDetail['consent']; history: ClientDetail['consentHistory']; onChange: () => void }

export function Consents({ clientId, consent, history, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('client.consent')}</h2>
      <ul className="consent-list">
        {CONSENT_PURPOSES.map((purpose) => (
          <ConsentRow key={purpose} clientId={clientId} purpose={purpose} granted={consent[purpose] ?? false}
            last={history.find((h) => h.purpose === purpose)} onChange={onChange} />
        ))}
      </ul>
      <details className="consent-history">
        <summary>{t('consent.history')}</summary>
        {history.length === 0 ? <p className="muted">{t('consent.historyEmpty')}</p> : (
          <ul className="small">
            {history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.recordedAt, lang)} – {t(`consent.purposes.${h.purpose}`)}: {h.granted ? t('consent.granted') : t('consent.withdrawn')} ({t(`consent.methods.${h.method}`)})
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
