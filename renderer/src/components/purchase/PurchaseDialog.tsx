// Buying on the client's behalf under their mandate: what to buy (what the
// alert offered, or products of the mandate's areas), days for per-day items,
// the client's consent to this one purchase when a complex product is chosen.
// Every change asks purchases.check, the decision the store and the backend
// make, and shows it: price, what it takes from the budget, spent and left in
// the period, or why not with the figures. Buy is offered only when allowed.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCents, formatIsoDate } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { newId } from '../../ids.ts';
import { errorMessage } from '../../problems.ts';
import { choicesFor, decisionWords, holdsComplex, needsDays, priceWords, purchaseError, type Choice } from '../../purchase-words.ts';
import { client, orpc } from '../../rpc.ts';

export interface DialogMandate {
  id: string; budgetCents: number; perPurchaseCapCents: number; areas: readonly string[]; leftCents: number; period: { from: string; to: string };
}

interface Props {
  clientId: string;
  clientName: string;
  mandate: DialogMandate;
  /** What the alert offered (its order); nothing when bought from the client page. */
  offered: readonly string[];
  preselect: readonly string[];
  alertId?: string;
  onClose: () => void;
  onBought: () => void;
}

const parseDays = (text: string) => (/^\d{1,3}$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 366 ? Number(text) : null);

export function PurchaseDialog({ clientId, clientName, mandate, offered, preselect, alertId, onClose, onBought }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [id] = useState(newId);
  const [items, setItems] = useState<string[]>([...preselect]);
  const [daysText, setDaysText] = useState('1');
  const [consent, setConsent] = useState(false);
  // The catalogue the offers panel reads: names, prices, areas and complexity of everything sold.
  const inputs = useQuery(orpc.offers.inputs.queryOptions({ input: { clientId } }));
  const catalogue = inputs.data?.catalogue;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => { if (dialog?.open) dialog.close(); };
  }, []);

  const perDay = catalogue ? needsDays(items, catalogue) : false;
  const complex = catalogue ? holdsComplex(items, catalogue) : false;
  const days = perDay ? parseDays(daysText) : 1;
  const singleConsent = complex && consent;
  const input = { mandateId: mandate.id, items, days: days ?? 1, singleConsent };
  const check = useQuery({
    ...orpc.purchases.check.queryOptions({ input }),
    enabled: items.length > 0 && days !== null,
    placeholderData: keepPreviousData,
  });
  const buy = useMutation({
    mutationFn: () => client.purchases.make({ ...input, id, alertId: alertId ?? null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orpc.purchases.key() });
      void queryClient.invalidateQueries({ queryKey: orpc.coach.clients.key() });
      void queryClient.invalidateQueries({ queryKey: orpc.clients.get.key({ input: { id: clientId } }) });
      void queryClient.invalidateQueries({ queryKey: orpc.offers.inputs.key({ input: { clientId } }) });
      onBought();
    },
  });

  const choices = catalogue ? choicesFor({ offered, areas: mandate.areas, catalogue, lang }) : null;
  // Once the choices are there, the focus goes to the first ticked one (or the first), not to a button.
  const focused = useRef(false);
  useEffect(() => {
    if (!choices || focused.current) return;
    focused.current = true;
    (ref.current?.querySelector<HTMLInputElement>('.purchase-choices input:checked') ?? ref.current?.querySelector<HTMLInputElement>('.purchase-choices input'))?.focus();
  }, [choices]);
  const toggle = (choice: string, on: boolean) => setItems((now) => (on ? [...now, choice] : now.filter((x) => x !== choice)));
  const money = (c: number | null) => formatCents(c ?? 0, lang);
  const current = items.length > 0 && days !== null ? check.data : undefined;
  const words = current && catalogue ? decisionWords(t, lang, current, { mandate, catalogue, consented: singleConsent }) : null;
  const allowed = current?.decision === 'allowed' && !check.isPlaceholderData;

  const option = (c: Choice) => (
    <label key={c.id} className="check purchase-choice">
      <input type="checkbox" checked={items.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} data-item={c.id} />
      <span>{c.name}</span>
      <span className="muted small">{priceWords(t, lang, c.priceCents, c.period)}</span>
      {c.complex && <span className="badge badge-plain small">{t('coach.purchase.complex')}</span>}
    </label>
  );

  return (
    <dialog ref={ref} className="dialog purchase-dialog" aria-labelledby={titleId} data-testid="purchase-dialog"
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id={titleId}>{t('coach.purchase.title')} <span className="muted">{t('coach.purchase.forClient', { name: clientName })}</span></h2>
      <p className="small muted">{t('coach.purchase.terms', {
        budget: money(mandate.budgetCents), from: formatIsoDate(mandate.period.from, lang), to: formatIsoDate(mandate.period.to, lang),
        left: money(mandate.leftCents), cap: money(mandate.perPurchaseCapCents),
        areas: mandate.areas.map((a) => t(`mandate.area.${a}`, { defaultValue: a })).join(', '),
      })}</p>
      {!choices ? <p className="muted">{t('app.loading')}</p> : (
        <div className="purchase-choices">
          {choices.fromAlert.length > 0 && (
            <fieldset className="field">
              <legend>{t('coach.purchase.fromAlert')}</legend>
              {choices.fromAlert.map(option)}
            </fieldset>
          )}
          <fieldset className="field">
            <legend>{choices.fromAlert.length > 0 ? t('coach.purchase.fromAreas') : t('coach.purchase.what')}</legend>
            {choices.fromAreas.map(option)}
          </fieldset>
        </div>
      )}
      {perDay && (
        <div className="field purchase-days">
          <div className="field-head"><label htmlFor={`${titleId}-days`}>{t('coach.purchase.days')}</label></div>
          <input id={`${titleId}-days`} type="text" inputMode="numeric" value={daysText} maxLength={3} onChange={(e) => setDaysText(e.target.value)}
            aria-invalid={days === null ? true : undefined} aria-describedby={`${titleId}-days-hint`} data-testid="purchase-days" />
          <p className="hint" id={`${titleId}-days-hint`}>{t('coach.purchase.daysHint')}</p>
          {days === null && <p className="field-error">{t('coach.purchase.daysWrong')}</p>}
        </div>
      )}
      {(complex || consent) && (
        <div className="consent-ask">
          <label className="check">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} data-testid="single-consent" />
            {t('coach.purchase.consent')}
          </label>
          <p className="hint">{t('coach.purchase.consentHint')}</p>
        </div>
      )}
      <div className="purchase-check" aria-live="polite" data-testid="purchase-check" data-decision={current?.decision ?? ''} data-reason={current?.reason ?? ''}>
        {items.length === 0 ? <p className="muted">{t('coach.purchase.nothing')}</p>
          : check.isError ? <p className="form-error">{errorMessage(t, check.error)}</p>
          : !current ? <p className="muted">{t('coach.purchase.checking')}</p> : (
            <>
              {current.period && (
                <p className="small muted">{t('coach.purchase.period', { from: formatIsoDate(current.period.from, lang), to: formatIsoDate(current.period.to, lang) })}</p>
              )}
              <dl className="figures">
                <div><dt>{t('coach.purchase.price')}</dt><dd data-testid="check-price">{money(current.priceCents)}</dd></div>
                <div><dt>{t('coach.purchase.charge')}</dt><dd data-testid="check-charge">{money(current.chargeCents)}</dd></div>
                <div><dt>{t('coach.purchase.spent')}</dt><dd data-testid="check-spent">{money(current.spentBeforeCents)}</dd></div>
                <div>
                  <dt>{current.decision === 'allowed' ? t('coach.purchase.left') : t('coach.purchase.leftNow')}</dt>
                  <dd data-testid="check-left">{money(current.remainingAfterCents)}</dd>
                </div>
              </dl>
              {words && <p className={words.ok ? 'check-ok' : 'form-error'} data-testid="check-words">{words.ok && <span aria-hidden="true">✓ </span>}{words.text}</p>}
            </>
          )}
      </div>
      {buy.isError && <p className="form-error" role="alert">{purchaseError(t, lang, buy.error, catalogue)}</p>}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-primary" disabled={!allowed || buy.isPending} onClick={() => buy.mutate()} data-testid="purchase-buy">
          {buy.isPending ? t('coach.purchase.buying') : t('coach.purchase.buy')}
        </button>
      </div>
    </dialog>
  );
}
