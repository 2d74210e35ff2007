// The retailer's sale at the counter: the client (or a walk-in customer), the
// product and, for a passive co-buyer buying a durable good, its variant; the
// price on the control; the reason as soon as it differs from the proposal.
// The decision line is the core's answer for exactly this (retail.quote):
// a recordable price records the sale, one outside the range is asked of the
// manufacturer, and once approved is sold at that price.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRICE_REASONS, type PriceReason } from '#core/retail/price.ts';
import type { QuoteView } from '#contract/retail.ts';
import { PriceControl } from '../components/retail/PriceControl.tsx';
import { SaleClient } from '../components/retail/SaleClient.tsx';
import { formatCents, formatIsoDate, formatDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useRoleAllows } from '../hooks/useRoles.ts';
import { paths } from '../hooks/useRoute.ts';
import { newId } from '../ids.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

type Variant = 'A' | 'B' | 'C';
type Done = { kind: 'recorded'; product: string; cents: number } | { kind: 'requested' };

export function SaleScreen({ clientId }: { clientId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const sells = useRoleAllows('sale.record');
  const products = useQuery(orpc.retail.products.queryOptions());
  const [productId, setProductId] = useState('');
  const [variant, setVariant] = useState<Variant | null>(null);
  const [cents, setCents] = useState<number | null>(null);
  const [reason, setReason] = useState<PriceReason | null>(null);
  const [reasonText, setReasonText] = useState('');
  const [done, setDone] = useState<Done | null>(null);
  const product = products.data?.find((p) => p.id === productId);
  const range = (variant && product?.variants.find((v) => v.id === variant)?.range) || product?.range;
  // A new product or variant starts at its proposal, with no reason yet.
  useEffect(() => { setCents(range?.proposedCents ?? null); setReason(null); setReasonText(''); }, [productId, variant, products.data === undefined]);
  useEffect(() => { setDone(null); }, [clientId, productId, variant, cents]);

  const input = clientId && productId && cents !== null && cents > 0
    ? { clientId, productId, variant, chosenCents: cents, reason, reasonText: reason === 'other' ? reasonText : null } : null;
  const quote = useQuery({ ...orpc.retail.quote.queryOptions({ input: input! }), enabled: input !== null, placeholderData: keepPreviousData });
  const q = input ? quote.data : undefined;
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.retail.key() });
  const record = useMutation({
    mutationFn: () => client.retail.recordSale({ ...input!, id: newId(), approvalId: q?.approval?.id ?? null }),
    onSuccess: () => { setDone({ kind: 'recorded', product: product!.name[lang], cents: cents! }); void refresh(); },
  });
  const request = useMutation({
    mutationFn: () => client.retail.requestApproval({ ...input!, id: newId(), reason: reason! }),
    onSuccess: () => { setDone({ kind: 'requested' }); void refresh(); },
  });

  const differs = range !== undefined && cents !== null && cents !== range.proposedCents;
  const canRecord = q !== undefined && (q.decision === 'proposed' || q.decision === 'within_range' || q.approval !== null);
  const canRequest = q !== undefined && q.decision === 'needs_approval' && q.approval === null && q.request?.status !== 'pending';
  // Without the role the store refuses anyway: the buttons say so before anyone tries.
  const busy = record.isPending || request.isPending || !sells;

  return (
    <main id="main" className="screen sale-screen">
      <div className="screen-head"><h1>{t('retail.sale.title')}</h1></div>
      <p className="muted">{t('retail.sale.intro')}</p>
      {!sells && <p className="notice" data-testid="sale-role-needed">{t('retail.sale.roleNeeded')}</p>}
      <div className="sale-grid">
        <SaleClient clientId={clientId} />
        <section className="card sale-form" aria-labelledby="sale-form-title">
          <h2 id="sale-form-title">{t('retail.sale.what')}</h2>
          {products.isError && <p className="form-error" role="alert">{errorMessage(t, products.error)}</p>}
          <div className="field">
            <label htmlFor="sale-product">{t('retail.sale.product')}</label>
            <select id="sale-product" value={productId} onChange={(e) => { setProductId(e.target.value); setVariant(null); }}>
              <option value="">{t('retail.sale.chooseProduct')}</option>
              {products.data?.map((p) => <option key={p.id} value={p.id}>{p.name[lang]}</option>)}
            </select>
          </div>
          {product && q?.variantsOffered && product.variants.length > 0 && (
            <fieldset className="field sale-variants">
              <legend>{t('retail.sale.variant')}</legend>
              <p className="muted small">{t('retail.sale.variantHint')}</p>
              {[null, ...product.variants.map((v) => v.id)].map((id) => {
                const v = product.variants.find((x) => x.id === id);
                return (
                  <label key={id ?? 'none'} className="choice">
                    <input type="radio" name="sale-variant" checked={variant === id} onChange={() => setVariant(id)} />
                    {v ? `${v.id}: ${v.name[lang]} (${formatCents(v.range.proposedCents, lang)} ${t(`retail.period.${v.period}`)})` : t('retail.sale.noVariant')}
                  </label>
                );
              })}
            </fieldset>
          )}
          {product && range && (
            <>
              <p className="muted small sale-range-note">
                {range.source === 'list_price' ? t('retail.sale.listPrice')
                  : q?.expired ? t('retail.sale.expiredOn', { date: formatIsoDate(range.validUntil!, lang) })
                    : t('retail.sale.validUntil', { date: formatIsoDate(range.validUntil!, lang) })}
                {' · '}{t(`retail.period.${product.period}`)}
              </p>
              <PriceControl range={range} cents={cents} onChange={setCents} />
              {differs && (
                <div className="form-row sale-reason">
                  <div className="field">
                    <label htmlFor="sale-reason">{t('retail.sale.reason')}</label>
                    <select id="sale-reason" value={reason ?? ''} onChange={(e) => setReason((e.target.value || null) as PriceReason | null)}>
                      <option value="">{t('retail.sale.chooseReason')}</option>
                      {PRICE_REASONS.map((r) => <option key={r} value={r}>{t(`retail.reasons.${r}`)}</option>)}
                    </select>
                  </div>
                  {reason === 'other' && (
                    <div className="field">
                      <label htmlFor="sale-reason-text">{t('retail.sale.reasonText')}</label>
                      <input id="sale-reason-text" value={reasonText} maxLength={500} onChange={(e) => setReasonText(e.target.value)} />
                    </div>
                  )}
                </div>
              )}
              <DecisionLine q={q} invalid={cents === null || cents <= 0} waiting={!clientId} other={reason === 'other'} />
              {quote.isError && input && <p className="form-error" role="alert">{errorMessage(t, quote.error)}</p>}
              <div className="form-actions">
                {canRequest ? (
                  <button type="button" className="btn btn-primary" disabled={busy || reason === null} onClick={() => request.mutate()}>
                    {request.isPending ? t('retail.sale.requesting') : t('retail.sale.request')}
                  </button>
                ) : (
                  <button type="button" className="btn btn-primary" disabled={busy || !canRecord} onClick={() => record.mutate()}>
                    {record.isPending ? t('retail.sale.recording') : t('retail.sale.record')}
                  </button>
                )}
              </div>
              {(record.isError || request.isError) && <p className="form-error" role="alert">{errorMessage(t, record.error ?? request.error)}</p>}
              {done && (
                <p className="notice" role="status" data-testid="sale-done">
                  {done.kind === 'recorded' ? t('retail.sale.recorded', { product: done.product, price: formatCents(done.cents, lang) }) : t('retail.sale.requested')}
                  {' '}{done.kind === 'recorded' && clientId ? <a href={paths.client(clientId)}>{t('retail.sale.toClient')}</a> : <a href={paths.approvals()}>{t('retail.sale.toApprovals')}</a>}
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </main>
  );
}

/** The core's answer for the price as it stands, and what an approval or request for it says. */
function DecisionLine({ q, invalid, waiting, other }: { q: QuoteView | undefined; invalid: boolean; waiting: boolean; other: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (invalid) return <p className="sale-decision" data-decision="invalid" role="status">{t('retail.sale.decision.invalid')}</p>;
  if (waiting || !q) return null;
  const deviation = `${q.deviationCents > 0 ? '+' : q.deviationCents < 0 ? '−' : ''}${formatCents(Math.abs(q.deviationCents), lang)}`;
  const limit = formatCents(q.position === 'above' ? q.range.ceilingCents : q.range.floorCents, lang);
  const line = q.decision === 'refused' ? t(other ? 'retail.sale.decision.text_required' : 'retail.sale.decision.reason_required', { deviation })
    : q.decision !== 'needs_approval' ? t(`retail.sale.decision.${q.decision}`, { deviation })
      : q.range.source === 'list_price' ? t('retail.sale.decision.list_price', { deviation })
        : q.position === 'within' ? t('retail.sale.decision.expired') : t(`retail.sale.decision.${q.position}`, { deviation, limit });
  const r = q.request;
  return (
    <div className="sale-decision" data-decision={q.approval ? 'approved' : q.decision} role="status" data-testid="sale-decision">
      <p>{line}</p>
      {q.approval ? <p className="ok">{t('retail.sale.approved', { date: formatIsoDate(q.approval.expiresOn!, lang) })}</p>
        : r?.status === 'pending' ? <p>{t('retail.sale.pending', { date: formatDate(r.requestedAt, lang) })}</p>
          : r?.status === 'declined' ? <p className="warn">{t('retail.sale.declined', { note: r.note ?? '' })}</p>
            : r?.status === 'approved' ? <p className="warn">{t('retail.sale.lapsed', { date: formatIsoDate(r.expiresOn!, lang) })}</p> : null}
    </div>
  );
}
