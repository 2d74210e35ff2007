// The client book: search as you type, thousands of rows scrolled smoothly
// (only the visible rows exist, fetched page by page), all by keyboard.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '#contract/views.ts';
import { formatNumber } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useElementHeight } from '../hooks/useElementHeight.ts';
import { navigate, paths } from '../hooks/useRoute.ts';
import { orpc } from '../rpc.ts';
import { ClientRow } from '../components/ClientRow.tsx';
import { ListExport } from '../components/ListExport.tsx';

const PAGE = 100;
const ROW_HEIGHT = 44;
/** The column heads stick to the top of the scrolling box, above the rows. */
const HEAD_HEIGHT = 30;
const OVERSCAN = 6;

// The search survives a visit to a client page and back.
let lastQuery = '';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function ClientList() {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState(lastQuery);
  const deferred = useDeferredValue(query.trim());
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const height = useElementHeight(listRef);

  lastQuery = query;

  const first = useQuery({
    ...orpc.clients.list.queryOptions({ input: { query: deferred, offset: 0, limit: PAGE } }),
    placeholderData: keepPreviousData,
  });
  const total = first.data?.total ?? 0;

  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const pageNumbers: number[] = [];
  for (let p = Math.floor(start / PAGE); p * PAGE < end; p++) pageNumbers.push(p);
  const pages = useQueries({
    queries: pageNumbers.map((p) => ({
      ...orpc.clients.list.queryOptions({ input: { query: deferred, offset: p * PAGE, limit: PAGE } }),
      staleTime: 30_000,
    })),
  });
  const rowAt = (i: number): ClientSummary | undefined => {
    const index = pageNumbers.indexOf(Math.floor(i / PAGE));
    const page = index >= 0 ? pages[index]?.data : i < PAGE ? first.data : undefined;
    return page?.items[i % PAGE];
  };

  // A new search starts at the top.
  useEffect(() => {
    setActive(0);
    if (listRef.current) listRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [deferred]);

  // "/" jumps to the search from anywhere on this screen.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === '/' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    const list = listRef.current;
    if (!list) return;
    const top = next * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (HEAD_HEIGHT + top + ROW_HEIGHT > list.scrollTop + list.clientHeight) {
      list.scrollTop = HEAD_HEIGHT + top + ROW_HEIGHT - list.clientHeight;
    }
  };
  const open = (index: number) => {
    const row = rowAt(index);
    if (row) navigate(paths.client(row.id));
  };
  const visibleRows = Math.max(1, Math.floor((height - HEAD_HEIGHT) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent, fromSearch: boolean) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + visibleRows),
      PageUp: () => moveTo(active - visibleRows),
      Enter: () => open(active),
    };
    if (!fromSearch) {
      keys.Home = () => moveTo(0);
      keys.End = () => moveTo(total - 1);
    }
    const action = keys[e.key];
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      action();
    }
  };

  const empty = first.data !== undefined && total === 0;
  const countText = deferred
    ? t('clients.matches', { count: total, formatted: formatNumber(total, lang) })
    : t('clients.total', { count: total, formatted: formatNumber(total, lang) });
  const rows = [];
  for (let i = start; i < end; i++) {
    rows.push(<ClientRow key={i} index={i} total={total} row={rowAt(i)} active={i === active} top={i * ROW_HEIGHT} onOpen={open} onPoint={setActive} />);
  }

  return (
    <main id="main" className="screen client-list">
      <div className="screen-head">
        <h1>{t('clients.title')}</h1>
        <span className="count" data-testid="client-count" aria-live="polite">{first.data ? countText : ''}</span>
        <ListExport query={deferred} />
        <a className="btn head-action" href={paths.importList()}>{t('list.importLink')}</a>
        <a className="btn btn-primary head-action" href={paths.newClient()}>{t('clients.new')}</a>
      </div>
      <div className="search-bar">
        <label htmlFor="client-search" className="sr-only">{t('clients.search')}</label>
        <input
          ref={searchRef}
          id="client-search"
          type="search"
          role="combobox"
          aria-expanded={!empty}
          aria-controls="client-listbox"
          aria-activedescendant={total > 0 ? `client-row-${active}` : undefined}
          aria-describedby="client-search-hint"
          placeholder={t('clients.searchPlaceholder')}
          value={query}
          maxLength={200}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => onKeyDown(e, true)}
        />
        <p id="client-search-hint" className="hint">{t('clients.searchHint')}</p>
      </div>
      {empty && (
        // Where the list would be, saying what to do: no column heads over nothing.
        <div className="list-empty" role="status" data-testid="client-list-empty">
          <p className="list-empty-title">{deferred ? t('clients.noMatches', { query: deferred }) : t('clients.empty')}</p>
          {deferred && <p>{t('clients.noMatchesHint')}</p>}
          <a className="btn btn-primary" href={paths.newClient()}>{t('clients.create')}</a>
        </div>
      )}
      {/* Hidden rather than gone while empty, so its measured height stays true when results return. */}
      <div
        ref={listRef}
        id="client-listbox"
        className="list-viewport"
        hidden={empty}
        role="listbox"
        aria-label={t('clients.listLabel')}
        aria-activedescendant={total > 0 ? `client-row-${active}` : undefined}
        tabIndex={0}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={(e) => onKeyDown(e, false)}
      >
        {/* Inside the scrolling box, so its columns line up with the rows whatever the scrollbar takes. */}
        <div className="list-head" aria-hidden="true">
          <span>{t('clients.name')}</span><span>{t('clients.city')}</span><span>{t('clients.lastContact')}</span>
        </div>
        <div className="list-spacer" style={{ height: total * ROW_HEIGHT }}>{rows}</div>
      </div>
    </main>
  );
}
