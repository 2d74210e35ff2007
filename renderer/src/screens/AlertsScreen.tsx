// The life coach's inbox: what the clients' assistant apps noticed, newest
// first, urgent ones marked, a page at a time. One alert is chosen at a time
// (J/K or the arrow keys); its actions have the digits 1 to 6. After an action
// the alert leaves the list and the next one takes the focus.
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '#contract/coach.ts';
import { ACTION_KEYS, actionsOf, type ActionKind } from '../alert-words.ts';
import { AlertCard } from '../components/alerts/AlertCard.tsx';
import { formatNumber } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { navigate, paths } from '../hooks/useRoute.ts';
import { errorMessage } from '../problems.ts';
import { orpc } from '../rpc.ts';
import { isTyping } from '../shortcuts.ts';

type Filter = 'open' | 'snoozed' | 'done';
const FILTERS: readonly Filter[] = ['open', 'snoozed', 'done'];
const PAGE = 20;

/** Keys that belong to what the focus is in: a form of an action, a dialog, a field. */
function keyBelongsElsewhere(target: EventTarget | null): boolean {
  if (isTyping(target)) return true;
  if (document.querySelector('dialog[open]')) return true;
  return target instanceof HTMLElement && target.closest('.alert-action') !== null;
}

export function AlertsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('open');
  const [urgentOnly, setUrgentOnly] = useState(false);
  // Urgency is a matter of open alerts: the other lists show everything.
  const urgent = urgentOnly && filter === 'open';
  const [active, setActive] = useState(0);
  const [panel, setPanel] = useState<{ id: string; kind: ActionKind } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const cards = useRef(new Map<number, HTMLElement>());
  /** After an action: the index whose card takes the focus once the list is read again. */
  const focusAfter = useRef<number | null>(null);
  const listHead = useRef<HTMLHeadingElement>(null);

  const inbox = useInfiniteQuery({
    ...orpc.alerts.inbox.infiniteOptions({
      input: (offset: number) => ({ filter, urgentOnly: urgent, lang, limit: PAGE, offset }),
      initialPageParam: 0,
      getNextPageParam: (last, pages) => (last.more ? pages.reduce((n, p) => n + p.alerts.length, 0) : undefined),
    }),
    placeholderData: keepPreviousData,
  });
  const alerts: AlertView[] = inbox.data?.pages.flatMap((p) => p.alerts) ?? [];
  const counts = inbox.data?.pages[0]?.counts;
  const total = counts ? (urgent ? counts.urgent : counts[filter]) : 0;

  const focusCard = useCallback((index: number) => {
    const el = cards.current.get(index);
    if (!el) return;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
  }, []);
  const moveTo = useCallback((index: number) => {
    if (alerts.length === 0) return;
    const next = Math.max(0, Math.min(alerts.length - 1, index));
    setActive(next);
    setPanel(null);
    focusCard(next);
  }, [alerts.length, focusCard]);

  // A new filter starts at the top.
  useEffect(() => { setActive(0); setPanel(null); }, [filter, urgentOnly]);

  // After an action, once the list is read again: the alert that took its place, or the one before, or the heading.
  useEffect(() => {
    if (focusAfter.current === null || inbox.isFetching) return;
    const index = Math.min(focusAfter.current, alerts.length - 1);
    focusAfter.current = null;
    if (index < 0) { listHead.current?.focus(); return; }
    setActive(index);
    requestAnimationFrame(() => focusCard(index));
  }, [alerts, inbox.isFetching, focusCard]);

  const acted = useCallback((index: number, words: string) => {
    setPanel(null);
    setAnnouncement(words);
    focusAfter.current = index;
    void queryClient.invalidateQueries({ queryKey: orpc.alerts.inbox.key() });
    void queryClient.invalidateQueries({ queryKey: orpc.coach.clients.key() });
    void queryClient.invalidateQueries({ queryKey: orpc.purchases.key() });
  }, [queryClient]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape' && panel && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        setPanel(null);
        focusCard(active);
        return;
      }
      if (keyBelongsElsewhere(e.target)) return;
      const alert = alerts[active];
      const go: Record<string, () => void> = {
        j: () => moveTo(active + 1), ArrowDown: () => moveTo(active + 1),
        k: () => moveTo(active - 1), ArrowUp: () => moveTo(active - 1),
        Home: () => moveTo(0), End: () => moveTo(alerts.length - 1),
      };
      // Enter on the chosen alert itself (on a button it presses the button).
      if (e.key === 'Enter' && alert && e.target === cards.current.get(active)) go.Enter = () => navigate(paths.client(alert.clientId));
      const kind = ACTION_KEYS[e.key];
      if (kind && alert && actionsOf(alert).includes(kind)) go[e.key] = () => setPanel({ id: alert.id, kind });
      const action = go[e.key];
      if (action) { e.preventDefault(); action(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [alerts, active, panel, moveTo, focusCard]);

  const shown = alerts.length;
  return (
    <main id="main" className="screen alerts-screen">
      <div className="screen-head">
        <h1>{t('coach.inbox.title')}</h1>
      </div>
      <p className="muted">{t('coach.inbox.intro')}</p>
      <div className="inbox-filters" role="group" aria-label={t('coach.inbox.filters')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className="btn filter" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`filter-${f}`}>
            {t(`coach.inbox.filter.${f}`)} <span className="count-pill">{formatNumber(counts?.[f] ?? 0, lang)}</span>
          </button>
        ))}
        {filter === 'open' && (
          <label className="check urgent-only">
            <input type="checkbox" checked={urgentOnly} onChange={(e) => setUrgentOnly(e.target.checked)} data-testid="urgent-only" />
            {t('coach.inbox.urgentOnly', { count: counts?.urgent ?? 0 })}
          </label>
        )}
      </div>
      <p className="hint shortcuts">{t('coach.inbox.keys')}</p>
      <p className="sr-only" role="status" data-testid="inbox-announcement">{announcement}</p>
      <h2 className="sr-only" tabIndex={-1} ref={listHead}>{t('coach.inbox.listLabel')}</h2>
      {inbox.isError && <p className="form-error" role="alert">{errorMessage(t, inbox.error)}</p>}
      {inbox.isPending ? <p className="muted">{t('app.loading')}</p> : alerts.length === 0 ? (
        <p className="list-empty" data-testid="inbox-empty">{urgent ? t('coach.inbox.emptyUrgent') : t(`coach.inbox.empty.${filter}`)}</p>
      ) : (
        <ol className="alert-list" aria-label={t('coach.inbox.listLabel')} data-testid="alert-list">
          {alerts.map((a, i) => (
            <AlertCard
              key={a.id}
              alert={a}
              active={i === active}
              panel={panel?.id === a.id ? panel.kind : null}
              cardRef={(el) => { if (el) cards.current.set(i, el); else cards.current.delete(i); }}
              onChoose={() => setActive(i)}
              onPanel={(kind) => { setActive(i); setPanel(kind ? { id: a.id, kind } : null); if (!kind) focusCard(i); }}
              onActed={(words) => acted(i, words)}
            />
          ))}
        </ol>
      )}
      {alerts.length > 0 && (
        <div className="inbox-more">
          <span className="muted small">{t('coach.inbox.shown', { shown: formatNumber(shown, lang), total: formatNumber(total, lang) })}</span>
          {inbox.hasNextPage && (
            <button type="button" className="btn" disabled={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()} data-testid="inbox-more">
              {t('coach.inbox.more')}
            </button>
          )}
        </div>
      )}
    </main>
  );
}
