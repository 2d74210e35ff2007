// The price control: the proposed price, floor and ceiling on a bar, with
// where the chosen price sits; the price typed as the user writes amounts
// (German decimal comma) or moved with the keys, 10 cents a step.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentRangeView as CentRange } from '#contract/retail.ts';
import { formatCents, parseEuroCents } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { keyStep, plainAmount } from '../../price-keys.ts';

export function PriceControl({ range, cents, onChange }: { range: CentRange; cents: number | null; onChange: (cents: number | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState(cents === null ? '' : plainAmount(cents, lang));
  // A price moved by key or bar (or a new product) is shown in the field; one being typed is left as typed.
  useEffect(() => {
    if (cents !== parseEuroCents(text, lang)) setText(cents === null ? '' : plainAmount(cents, lang));
    // Only a change from outside rewrites the field: the text itself is not a reason to.
  }, [cents, lang]);

  const shown = cents ?? range.proposedCents;
  const lo = Math.min(range.floorCents, shown);
  const hi = Math.max(range.ceilingCents, shown);
  const pad = Math.max((hi - lo) * 0.2, 100);
  const at = (c: number) => `${(((c - lo + pad) / (hi - lo + 2 * pad)) * 100).toFixed(2)}%`;
  const where = shown < range.floorCents ? 'below' : shown > range.ceilingCents ? 'above' : 'within';
  const money = (c: number) => formatCents(c, lang);

  const onKey = (e: KeyboardEvent) => {
    const next = keyStep(e.key, shown, range);
    if (next === null) return;
    e.preventDefault();
    onChange(next);
  };

  return (
    <div className="price-control">
      <div className="field price-field">
        <label htmlFor="sale-price">{t('retail.sale.price')}</label>
        <input
          id="sale-price" inputMode="decimal" autoComplete="off" value={text} aria-describedby="sale-price-keys"
          onChange={(e) => { setText(e.target.value); onChange(parseEuroCents(e.target.value, lang)); }}
          onKeyDown={(e) => { if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'PageUp' || e.key === 'PageDown') onKey(e); }}
        />
        <span id="sale-price-keys" className="muted small">{t('retail.sale.priceKeys')}</span>
      </div>
      <div className="price-bar" data-where={where}>
        <div className="price-zone" style={{ left: at(range.floorCents), width: `calc(${at(range.ceilingCents)} - ${at(range.floorCents)})` }} />
        {range.source === 'range' && <Mark at={at(range.floorCents)} kind="floor" label={t('retail.sale.floor')} value={money(range.floorCents)} />}
        <Mark at={at(range.proposedCents)} kind="proposed" label={t('retail.sale.proposed')} value={money(range.proposedCents)} />
        {range.source === 'range' && <Mark at={at(range.ceilingCents)} kind="ceiling" label={t('retail.sale.ceiling')} value={money(range.ceilingCents)} />}
        <div
          className="price-thumb" role="slider" tabIndex={0} style={{ left: at(shown) }} data-testid="price-thumb"
          aria-label={t('retail.sale.bar')} aria-valuemin={1} aria-valuenow={shown}
          aria-valuetext={t('retail.sale.barValue', { price: money(shown), where: t(`retail.sale.where.${where}`) })}
          onKeyDown={onKey}
        >
          <span className="price-thumb-label">{money(shown)}</span>
        </div>
      </div>
    </div>
  );
}

/** A marker on the bar; a list price is floor, proposal and ceiling at once, so only the proposal is marked then. */
function Mark({ at, kind, label, value }: { at: string; kind: string; label: string; value: string }) {
  return (
    <div className={`price-mark price-mark-${kind}`} style={{ left: at }} data-testid={`price-${kind}`}>
      <span className="price-mark-label"><span className="muted">{label}</span> {value}</span>
    </div>
  );
}
