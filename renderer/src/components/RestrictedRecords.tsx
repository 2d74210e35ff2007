// Settings: advice records kept after the client's erasure. The section says
// how many are kept and until when, and names no one. A record is found by
// the client's name (and birth date) or its printed checksum, and shown only
// after the advisor chose for whom it is disclosed: that disclosure is logged
// here and sent to the manufacturer.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosedTo } from '#core/retention.ts';
import { DISCLOSED_TO } from '#core/retention.ts';
import { AdviceContentView } from './advice/AdviceContentView.tsx';
import { DateField } from './DateField.tsx';
import { dayForCore } from '../dates.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

export function RestrictedRecords() {
  const { t } = useTranslation();
  const lang = useLang();
  const summary = useQuery(orpc.retention.summary.queryOptions());
  const s = summary.data;
  return (
    <section className="card" aria-labelledby="settings-restricted" data-testid="restricted-records" data-count={s?.count}>
      <h2 id="settings-restricted">{t('retention.title')}</h2>
      <p className="small muted">{t('retention.explain')}</p>
      {summary.error && <p className="form-error" role="alert">{errorMessage(t, summary.error)}</p>}
      {s && (s.count === 0 ? <p>{t('retention.none')}</p> : (
        <p data-testid="restricted-summary">{t('retention.count', { count: s.count, until: formatDate(s.lastEnds!, lang), first: formatDate(s.firstEnds!, lang) })}</p>
      ))}
      {s && s.count > 0 && <FindAndDisclose />}
    </section>
  );
}

function FindAndDisclose() {
  const { t } = useTranslation();
  const lang = useLang();
  const [name, setName] = useState('');
  const [born, setBorn] = useState('');
  const [checksum, setChecksum] = useState('');
  const [missing, setMissing] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const find = useMutation({
    mutationFn: () => client.retention.find({ name, birthDate: dayForCore(born), checksum }),
    onSuccess: () => setChosen(null),
  });
  const problems = problemsByField(problemsOf(find.error) ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!name.trim() && !checksum.trim());
    if (name.trim() || checksum.trim()) find.mutate();
  };
  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="restricted-find" data-testid="restricted-find">
        <h3 id="restricted-find" className="form-section">{t('retention.findLegend')}</h3>
        <label className="field">
          <span>{t('retention.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <DateField label={t('retention.birthDate')} value={born} onChange={setBorn} error={problems.birthDate && problemMessage(t, problems.birthDate)} />
        <label className="field">
          <span>{t('retention.checksum')}</span>
          <input value={checksum} onChange={(e) => setChecksum(e.target.value)} autoComplete="off" spellCheck={false}
            aria-invalid={problems.checksum ? true : undefined} />
        </label>
        {problems.checksum && <p className="form-error" role="alert">{t('retention.badChecksum')}</p>}
        {missing && <p className="form-error" role="alert">{t('retention.needsQuery')}</p>}
        <div className="row-actions"><button type="submit" className="btn" disabled={find.isPending}>{t('retention.find')}</button></div>
        {find.isError && !problemsOf(find.error) && <p className="form-error" role="alert">{errorMessage(t, find.error)}</p>}
      </form>
      {find.data && (find.data.length === 0 ? <p role="status">{t('retention.noHits')}</p> : (
        <ul className="plain-list" data-testid="restricted-hits">
          {find.data.map((h) => (
            <li key={h.id} data-testid="restricted-hit">
              {t('retention.hit', { when: formatDateTime(h.meetingAt, lang), version: h.recordVersion, until: formatDate(h.retainUntil, lang) })}{' '}
              {chosen !== h.id && <button type="button" className="btn" onClick={() => setChosen(h.id)}>{t('retention.choose')}</button>}
              {chosen === h.id && <Disclose recordId={h.id} onClose={() => setChosen(null)} />}
            </li>
          ))}
        </ul>
      ))}
    </>
  );
}

function Disclose({ recordId, onClose }: { recordId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<DisclosedTo | null>(null);
  const [note, setNote] = useState('');
  const [unchosen, setUnchosen] = useState(false);
  const disclose = useMutation({
    mutationFn: (chosen: DisclosedTo) => client.retention.disclose({ recordId, to: chosen, note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orpc.sync.key() }),
  });
  const pdf = useMutation({
    mutationFn: (disclosureId: string) => client.retention.pdf({ disclosureId }),
    onSuccess: ({ filename, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      Object.assign(document.createElement('a'), { href: url, download: filename }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setUnchosen(to === null);
    if (to !== null && !disclose.isPending) disclose.mutate(to);
  };
  const shown = disclose.data;
  if (shown) {
    return (
      <div className="card" role="region" aria-label={t('retention.title')} data-testid="disclosed-record">
        <p role="status">{t('retention.logged', { to: t(`retention.loggedTo.${to}`) })}</p>
        <AdviceContentView content={shown.content} />
        <div className="row-actions">
          <button type="button" className="btn" disabled={pdf.isPending} onClick={() => pdf.mutate(shown.disclosureId)}>{t('retention.pdf')}</button>
          <button type="button" className="btn" onClick={onClose}>{t('retention.close')}</button>
        </div>
        {pdf.isError && <p className="form-error" role="alert">{errorMessage(t, pdf.error)}</p>}
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid="disclose-form">
      <fieldset className="field">
        <legend>{t('retention.forWhom')}</legend>
        {DISCLOSED_TO.map((d) => (
          <label key={d} className="check">
            <input type="radio" name={`disclose-to-${recordId}`} checked={to === d} onChange={() => { setTo(d); setUnchosen(false); }} />
            {t(`retention.to.${d}`)}
          </label>
        ))}
      </fieldset>
      {unchosen && <p className="form-error" role="alert">{t('retention.chooseForWhom')}</p>}
      <label className="field">
        <span>{t('retention.note')}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={disclose.isPending}>{t('retention.disclose')}</button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
      {disclose.isError && <p className="form-error" role="alert">{errorMessage(t, disclose.error)}</p>}
    </form>
  );
}
