// The approval requests: pending ones first, each to approve or to decline
// with a note, then the decided ones. By keyboard: j/k move through the list,
// a approves the chosen request, d opens its decline form.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalView } from '#contract/console.ts';
import { api } from '../api.ts';
import { errorMessage, isStale } from '../errors.ts';
import { formatCents } from '../format.ts';
import { useLang } from '../i18n/index.ts';
import { isCommandKey } from '../keys.ts';
import { Section } from '../Section.tsx';
import { useLoad } from '../useLoad.ts';
import { ApprovalCard } from './ApprovalCard.tsx';
import { approvalOrder, nextAfter } from './approval-order.ts';
import { DeclineForm } from './DeclineForm.tsx';

export function Approvals() {
  const { t } = useTranslation();
  const lang = useLang();
  const loaded = useLoad(() => api.approvals.list({ status: 'all' }), 'approvals');
  const { pending, decided } = useMemo(() => approvalOrder(loaded.data ?? []), [loaded.data]);
  const rows = useMemo(() => [...pending, ...decided], [pending, decided]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; message: string } | null>(null);
  const cards = useRef(new Map<string, HTMLElement>());
  const list = useRef<HTMLDivElement>(null);

  // The chosen row is the first one until the user chooses another, and again once it is gone.
  const selected = rows.some((a) => a.id === chosen) ? chosen : rows[0]?.id ?? null;

  const focusRow = useCallback((id: string | null) => {
    setChosen(id);
    if (id) requestAnimationFrame(() => cards.current.get(id)?.focus());
  }, []);

  const decide = useCallback(async (a: ApprovalView, decision: 'approved' | 'declined', note?: string) => {
    setBusy(a.id);
    setFailure(null);
    setNotice(null);
    try {
      const done = await api.approvals.decide({ id: a.id, decision, note });
      const names = { product: done.productName[lang], retailer: done.retailerId ?? '', price: formatCents(done.chosenCents, lang) };
      setNotice(t(decision === 'approved' ? 'approvals.approvedNotice' : 'approvals.declinedNotice', names));
      setDeclining(null);
      focusRow(nextAfter(pending, a.id) ?? a.id);
      loaded.reload();
    } catch (error) {
      setFailure({ id: a.id, message: errorMessage(t, error) });
      if (isStale(error)) { setDeclining(null); loaded.reload(); }
    } finally {
      setBusy(null);
    }
  }, [focusRow, lang, loaded, pending, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isCommandKey(e) || !['j', 'k', 'a', 'd'].includes(e.key) || rows.length === 0) return;
      const inList = list.current?.contains(document.activeElement) ?? false;
      const index = rows.findIndex((a) => a.id === selected);
      const current = rows[index];
      e.preventDefault();
      if (e.key === 'j' || e.key === 'k') {
        // The first key press only brings the focus to the chosen row, so nothing jumps past it unseen.
        const step = !inList ? 0 : e.key === 'j' ? 1 : -1;
        focusRow(rows[Math.max(0, Math.min(rows.length - 1, index + step))]!.id);
        return;
      }
      // Deciding by key needs the focus on the request: a stray key elsewhere decides nothing.
      if (!inList || !current || current.status !== 'pending' || busy) return;
      if (e.key === 'a') void decide(current, 'approved');
      else setDeclining(current.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, decide, focusRow, rows, selected]);

  const card = (a: ApprovalView) => (
    <li key={a.id}>
      <ApprovalCard approval={a} selected={a.id === selected} onSelect={() => setChosen(a.id)}
        ref={(el) => { if (el) cards.current.set(a.id, el); else cards.current.delete(a.id); }}>
        {failure?.id === a.id && <p className="form-error" role="alert" data-testid="approval-error">{failure.message}</p>}
        {a.status === 'pending' && (declining === a.id
          ? <DeclineForm id={a.id} busy={busy === a.id} onSend={(note) => void decide(a, 'declined', note)}
              onCancel={() => { setDeclining(null); focusRow(a.id); }} />
          : (
            <div className="form-actions">
              <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void decide(a, 'approved')}>
                {busy === a.id ? t('approvals.busy') : t('approvals.approve')}<kbd aria-hidden="true">a</kbd>
              </button>
              <button type="button" className="btn" disabled={busy !== null} onClick={() => { setChosen(a.id); setDeclining(a.id); }}>
                {t('approvals.decline')}<kbd aria-hidden="true">d</kbd>
              </button>
            </div>
          ))}
      </ApprovalCard>
    </li>
  );

  return (
    <Section title={t('approvals.title')} intro={t('approvals.intro')} loaded={loaded}
      aside={<span className="muted small keys-hint">{t('approvals.keys')}</span>}>
      {() => (
        <div ref={list} className="approvals" aria-label={t('approvals.list')}>
          {notice && <p className="notice" role="status" data-testid="approval-notice">{notice}</p>}
          <section aria-labelledby="pending-title">
            <h2 id="pending-title">{t('approvals.pending')} <span className="count-pill" data-testid="pending-count">{pending.length}</span></h2>
            {pending.length === 0 ? <p className="empty">{t('approvals.nonePending')}</p> : <ol className="approval-list" data-testid="pending">{pending.map(card)}</ol>}
          </section>
          <section aria-labelledby="decided-title">
            <h2 id="decided-title">{t('approvals.decided')} <span className="count-pill">{decided.length}</span></h2>
            {decided.length === 0 ? <p className="empty">{t('approvals.noneDecided')}</p> : <ol className="approval-list" data-testid="decided">{decided.map(card)}</ol>}
          </section>
        </div>
      )}
    </Section>
  );
}
