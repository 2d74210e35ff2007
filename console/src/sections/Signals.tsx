// Signals per integration of the assistant apps: how many arrived, were kept
// and became alerts, and how many were dropped for which reason; from a day
// on, or all of them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { realDay } from '../../../renderer/src/dates.ts';
import { api, type ConsoleClient } from '../api.ts';
import { de } from '../i18n/de.ts';
import { formatNumber } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { Section } from '../Section.tsx';
import { useLoad } from '../useLoad.ts';

type DropReason = keyof Awaited<ReturnType<ConsoleClient['signals']>>[number]['dropped'];
// The columns in the order the texts name the reasons; typed so a reason the contract adds cannot go without a column.
const SAID: Record<DropReason, string> = de.signals.reasons;
const REASONS = Object.keys(SAID) as DropReason[];
type Counted = 'received' | 'kept' | 'alerts';

export function Signals() {
  const { t } = useTranslation();
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const [since, setSince] = useState<string | undefined>(undefined);
  const [bad, setBad] = useState(false);
  const loaded = useLoad(() => api.signals(since ? { since } : {}), `signals:${since ?? ''}`);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const day = typed.trim() === '' ? undefined : realDay(typed);
    if (day === null) { setBad(true); return; }
    setBad(false);
    setSince(day);
  };

  const filter = (
    <form className="since-filter" onSubmit={apply} noValidate>
      <label htmlFor="signals-since">{t('signals.since')}</label>
      <input id="signals-since" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={lang === 'de' ? 'TT.MM.JJJJ' : 'DD/MM/YYYY'}
        aria-invalid={bad || undefined} aria-describedby="signals-since-hint" />
      <button type="submit" className="btn btn-small">{t('signals.show')}</button>
      <span id="signals-since-hint" className={bad ? 'field-error' : 'hint'}>{t(bad ? 'signals.sinceBad' : 'signals.sinceHint')}</span>
    </form>
  );

  return (
    <Section title={t('signals.title')} intro={t('signals.intro')} loaded={loaded} aside={filter}>
      {(rows) => {
        if (rows.length === 0) return <p className="empty">{t('signals.none')}</p>;
        const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
        const count = (n: number) => formatNumber(n, lang);
        return (
          <div className="table-scroll">
            <table className="data-table signals-table" data-testid="signals">
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>{t('signals.integration')}</th>
                  {(['received', 'kept', 'alerts'] as Counted[]).map((c) => <th key={c} scope="col" rowSpan={2} className="num">{t(`signals.${c}`)}</th>)}
                  <th scope="colgroup" colSpan={REASONS.length} className="group">{t('signals.dropped')}</th>
                </tr>
                <tr>{REASONS.map((r) => <th key={r} scope="col" className="num reason-head">{t(`signals.reasons.${r}`)}</th>)}</tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.integration} data-integration={row.integration}>
                    <th scope="row">{row.integration}{row.revoked && <span className="badge badge-muted">{t('signals.revoked')}</span>}</th>
                    <td className="num">{count(row.received)}</td>
                    <td className="num">{count(row.kept)}</td>
                    <td className="num">{count(row.alerts)}</td>
                    {REASONS.map((r) => <td key={r} className="num" data-reason={r}>{count(row.dropped[r] ?? 0)}</td>)}
                  </tr>
                ))}
              </tbody>
              {rows.length > 1 && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('signals.total')}</th>
                    <td className="num">{count(sum((r) => r.received))}</td>
                    <td className="num">{count(sum((r) => r.kept))}</td>
                    <td className="num">{count(sum((r) => r.alerts))}</td>
                    {REASONS.map((reason) => <td key={reason} className="num">{count(sum((r) => r.dropped[reason] ?? 0))}</td>)}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        );
      }}
    </Section>
  );
}
