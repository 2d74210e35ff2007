// What the check found: how many new clients, each likely duplicate with the
// book's and the list's details side by side (merge or skip), and every row
// that will be left out, by its line, with what is wrong in it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_FIELDS } from '#core/client-list/columns.ts';
import { formatNumber } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { problemMessage } from '../../problems.ts';
import type { ListCheck } from './types.ts';

const name = (c: Record<string, string | null>) => `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim();

export function ReviewStep({ check, merge, onMerge }: { check: ListCheck; merge: Set<number>; onMerge: (m: Set<number>) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const top = useRef<HTMLElement>(null);
  // What the check found is the next thing to read: brought into view, under the mapping.
  useEffect(() => { top.current?.scrollIntoView({ block: 'start' }); }, [check]);
  const n = (count: number) => ({ count, formatted: formatNumber(count, lang) });
  const toggle = (line: number, on: boolean) => {
    const next = new Set(merge);
    if (on) next.add(line); else next.delete(line);
    onMerge(next);
  };
  return (
    <>
      <section ref={top} className="card" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('list.summaryTitle')}</h2>
        <ul className="list-summary" data-testid="list-summary">
          <li>{t('list.ready', n(check.ready))}</li>
          <li>{t('list.duplicates', n(check.duplicates.length))}</li>
          <li className={check.refused.length ? 'warn' : ''}>{t('list.refused', n(check.refused.length))}</li>
        </ul>
      </section>
      {check.duplicates.length > 0 && (
        <section className="card" aria-labelledby="duplicates-title" data-testid="list-duplicates">
          <div className="card-head">
            <h2 id="duplicates-title">{t('list.duplicatesTitle')}</h2>
            <button type="button" className="btn" onClick={() => onMerge(new Set(check.duplicates.map((d) => d.line)))}>{t('list.mergeAll')}</button>
            <button type="button" className="btn" onClick={() => onMerge(new Set())}>{t('list.skipAll')}</button>
          </div>
          <p className="hint">{t('list.duplicatesHint')}</p>
          <ul className="duplicate-list">
            {check.duplicates.map((d) => (
              <li key={d.line} data-testid="list-duplicate">
                <div className="duplicate-head">
                  <strong>{t('list.line')} {d.line}: {name(d.row)}</strong>
                  <span className="hint">{t(d.match === 'email' ? 'list.matchEmail' : 'list.matchName')}</span>
                  <label><input type="radio" name={`dup-${d.line}`} checked={merge.has(d.line)} onChange={() => toggle(d.line, true)} /> {t('list.merge')}</label>
                  <label><input type="radio" name={`dup-${d.line}`} checked={!merge.has(d.line)} onChange={() => toggle(d.line, false)} /> {t('list.skip')}</label>
                </div>
                {d.changes.length === 0 ? <p className="hint">{t('list.noChanges')}</p> : (
                  <table className="duplicate-changes">
                    <thead><tr><th scope="col" /><th scope="col">{t('list.inBook')}</th><th scope="col">{t('list.inList')}</th></tr></thead>
                    <tbody>
                      {LIST_FIELDS.filter((f) => d.changes.includes(f)).map((f) => (
                        <tr key={f}><th scope="row">{t(`list.fields.${f}`)}</th><td>{d.held[f] ?? '–'}</td><td>{d.row[f] ?? '–'}</td></tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {check.refused.length > 0 && (
        <section className="card" aria-labelledby="refused-title" data-testid="list-refused">
          <h2 id="refused-title">{t('list.refusedTitle')}</h2>
          <p className="hint">{t('list.refusedHint')}</p>
          <ul className="refused-list">
            {check.refused.map((r) => (
              <li key={r.line} data-testid="list-refused-row">
                <strong>{t('list.line')} {r.line}</strong>{' '}
                {r.problems.map((p) => `${t(`list.fields.${p.field}`, { defaultValue: p.field })}: ${problemMessage(t, p as never)}`).join(' ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
