// Bringing a client list in: choose a file (read with progress), match its
// columns, check it against the book, choose per likely duplicate, import
// with progress, see what happened. Nothing is written before "Importieren".
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mappingProblems, type ColumnMapping } from '#core/client-list/columns.ts';
import { MappingStep } from '../components/lists/MappingStep.tsx';
import { ReviewStep } from '../components/lists/ReviewStep.tsx';
import type { ListCheck, ListDone, ListOpened } from '../components/lists/types.ts';
import { fileBase64 } from '../download.ts';
import { formatNumber } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths } from '../hooks/useRoute.ts';
import { errorMessage } from '../problems.ts';
import { client } from '../rpc.ts';

type Progress = { label: string; value: number; max: number; text: string };

export function ImportScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<ListOpened | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [check, setCheck] = useState<ListCheck | null>(null);
  const [merge, setMerge] = useState<Set<number>>(new Set());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<ListDone | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = (count: number) => ({ count, formatted: formatNumber(count, lang) });

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try { await work(); } catch (e) { setError(errorMessage(t, e)); } finally { setProgress(null); }
  };
  const open = (file: File) => run(async () => {
    setList(null); setCheck(null); setDone(null);
    setProgress({ label: t('list.reading'), value: 0, max: 100, text: t('list.readingOf', { percent: 0 }) });
    const events = await client.lists.open({ fileName: file.name, base64: await fileBase64(file) });
    for await (const e of events) {
      if (e.type === 'reading') {
        const percent = Math.round(e.fraction * 100);
        setProgress({ label: t('list.reading'), value: percent, max: 100, text: t('list.readingOf', { percent }) });
      } else {
        setList(e.list);
        setMapping(e.list.mapping);
      }
    }
  });
  const checkList = () => run(async () => {
    if (!list) return;
    setProgress({ label: t('list.checking'), value: 0, max: 0, text: '' });
    const found = await client.lists.check({ importId: list.importId, mapping });
    setCheck(found);
    setMerge(new Set());
  });
  const apply = () => run(async () => {
    if (!list) return;
    const events = await client.lists.apply({ importId: list.importId, mapping, merge: [...merge] });
    for await (const e of events) {
      if (e.type === 'progress' && e.phase === 'writing' && e.done < e.total) {
        // One transaction (all rows or none): no steps to count, so the bar runs without a figure.
        setProgress({ label: t('list.importing'), value: 0, max: 0, text: t('list.writing', n(e.total)) });
      } else if (e.type === 'progress') {
        setProgress({
          label: t(e.phase === 'writing' ? 'list.importing' : 'list.checking'), value: e.done, max: e.total,
          text: t('list.progress', { done: formatNumber(e.done, lang), total: formatNumber(e.total, lang) }),
        });
      } else {
        setDone(e);
      }
    }
    await queryClient.invalidateQueries();
  });
  const restart = () => { setList(null); setCheck(null); setDone(null); setError(null); if (fileRef.current) fileRef.current.value = ''; };
  const mappingOk = list !== null && mappingProblems(mapping, list.headers.length).length === 0;

  return (
    <main id="main" className="screen import-screen">
      <div className="screen-head"><h1>{t('list.importTitle')}</h1></div>
      {!done && (
        <section className="card">
          <p>{t('list.importIntro')}</p>
          <label className="btn" htmlFor="list-file">{t('list.chooseFile')}</label>
          <input
            ref={fileRef} id="list-file" className="sr-only" type="file" accept=".xlsx,.csv,.txt"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void open(f); }}
          />
          {list && <span className="file-name" data-testid="list-file">{t('list.fileRows', { ...n(list.rows), fileName: list.fileName })}</span>}
        </section>
      )}
      {progress && (
        <div className="progress-note" role="status" data-testid="list-progress">
          <span>{progress.label}</span>
          <progress value={progress.max ? progress.value : undefined} max={progress.max || undefined} aria-label={progress.label} />
          <span>{progress.text}</span>
        </div>
      )}
      {error && <p className="form-error" role="alert" data-testid="list-error">{error}</p>}
      {list && !done && (
        <>
          <MappingStep list={list} mapping={mapping} onChange={(m) => { setMapping(m); setCheck(null); }} />
          <div className="actions">
            <button type="button" className="btn" disabled={!mappingOk || progress !== null} onClick={() => void checkList()}>{t('list.check')}</button>
          </div>
        </>
      )}
      {check && !done && (
        <>
          <ReviewStep check={check} merge={merge} onMerge={setMerge} />
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={progress !== null} onClick={() => void apply()} data-testid="list-import">
              {t('list.import')}
            </button>
          </div>
        </>
      )}
      {done && (
        <section className="card" role="status" data-testid="list-done">
          <h2>{t('list.done')}</h2>
          <ul className="list-summary">
            <li>{t('list.created', n(done.created))}</li>
            <li>{t('list.merged', n(done.merged))}</li>
            <li>{t('list.skipped', n(done.skipped))}</li>
            <li className={done.refused ? 'warn' : ''}>{t('list.refused', n(done.refused))}</li>
          </ul>
          <div className="actions">
            <a className="btn btn-primary" href={paths.clients()}>{t('list.toBook')}</a>
            <button type="button" className="btn" onClick={restart}>{t('list.another')}</button>
          </div>
        </section>
      )}
    </main>
  );
}
