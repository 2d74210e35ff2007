// One purpose of consent: its state, and grant or withdraw with how it was
// given. Granting is one click; withdrawing asks first and says what it stops.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, type ConsentPurpose } from '#core/consent.ts';
import type { ClientDetail } from '#contract/views.ts';
import { formatDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { newId } from '../ids.ts';
import { errorMessage } from '../problems.ts';
import { client } from '../rpc.ts';

type Method = (typeof CONSENT_METHODS)[number];
interface Props {
  clientId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  last: ClientDetail['consentHistory'][number] | undefined;
  onChange: () => void;
}

export function ConsentRow({ clientId, purpose, granted, last, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const askId = useId();
  const [method, setMethod] = useState<Method>('verbal');
  const [asking, setAsking] = useState(false);
  const actionRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const record = useMutation({
    mutationFn: (grant: boolean) => client.consents.record({ id: newId(), clientId, purpose, granted: grant, method }),
    onSuccess: () => { setAsking(false); onChange(); },
  });
  // The question takes the focus at its safe answer; cancelling gives it back to the button.
  useEffect(() => { if (asking) cancelRef.current?.focus(); }, [asking]);
  const cancel = () => { setAsking(false); actionRef.current?.focus(); };

  const state = last ? (last.granted ? t('consent.granted') : t('consent.withdrawn')) : t('consent.notGranted');
  const label = t(`consent.purposes.${purpose}`);
  const action = granted ? t('consent.withdraw') : t('consent.grant');

  return (
    <li className="consent-row" data-testid={`consent-${purpose}`} data-granted={granted}>
      <div className="consent-purpose">
        <span className={`dot ${granted ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
        <strong>{label}</strong>
        <span className="small muted">
          {last
            ? t('consent.lastChange', { state, method: t(`consent.methods.${last.method}`), date: formatDate(last.recordedAt, lang) })
            : t('consent.never')}
        </span>
      </div>
      <div className="consent-actions">
        <label className="sr-only" htmlFor={`consent-method-${purpose}`}>{`${t('consent.method')} – ${label}`}</label>
        <select id={`consent-method-${purpose}`} value={method} onChange={(e) => setMethod(e.target.value as Method)}>
          {CONSENT_METHODS.map((m) => <option key={m} value={m}>{t(`consent.methods.${m}`)}</option>)}
        </select>
        <button ref={actionRef} type="button" className="btn btn-small" disabled={record.isPending} aria-expanded={granted ? asking : undefined}
          aria-label={`${action}: ${label}`} onClick={() => (granted ? setAsking(true) : record.mutate(true))}>
          {action}
        </button>
      </div>
      {asking && (
        <div className="consent-ask" role="alertdialog" aria-labelledby={`${askId}-q`} aria-describedby={`${askId}-what`}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); cancel(); } }}>
          <p id={`${askId}-q`}><strong>{t('consent.withdrawAsk', { purpose: label })}</strong></p>
          <p id={`${askId}-what`} className="small">{t(`consent.stops.${purpose}`)}</p>
          <div className="row-actions">
            <button type="button" className="btn btn-danger btn-small" disabled={record.isPending} onClick={() => record.mutate(false)}>{t('consent.withdrawConfirm')}</button>
            <button ref={cancelRef} type="button" className="btn btn-small" onClick={cancel}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      {record.isError && <p className="field-error" role="alert">{errorMessage(t, record.error)}</p>}
    </li>
  );
}
