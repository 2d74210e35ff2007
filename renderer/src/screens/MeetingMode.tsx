// Meeting mode: the guided interview over every profile attribute, in any
// order, fully by keyboard; every answer and every typed word saved at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingRecordParts, type AdviceRecordPart } from '#core/advice.ts';
import { fullName } from '#core/client.ts';
import { ANSWER_SOURCES, ATTRIBUTE_IDS, MULTI_VALUE_ATTRIBUTES, type AnswerSource, type AttributeId, type Profile } from '#core/profile.ts';
import type { ClientDetail, MeetingView } from '#contract/views.ts';
import type { Flushable } from '../autosaver.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ChoiceQuestion } from '../components/meeting/ChoiceQuestion.tsx';
import { MeetingBar } from '../components/meeting/MeetingBar.tsx';
import { MeetingFeedback } from '../components/meeting/MeetingFeedback.tsx';
import { MeetingRecord } from '../components/meeting/MeetingRecord.tsx';
import { MultiQuestion } from '../components/meeting/MultiQuestion.tsx';
import { OffersPanel } from '../components/offers/OffersPanel.tsx';
import { ClientPurchases } from '../components/purchase/ClientPurchases.tsx';
import { SegmentHint } from '../components/segment/SegmentHint.tsx';
import { formatDateTime } from '../format.ts';
import { isAnswered, type AnswerContext, type AnswerValue } from '../hooks/useAnswer.ts';
import { isClientView, setClientView, useClientView } from '../hooks/useClientView.ts';
import { useLang } from '../hooks/useLang.ts';
import { navigate, paths } from '../hooks/useRoute.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

class NotAllSaved extends Error {}

export function MeetingMode({ id }: { id: string }) {
  const { t } = useTranslation();
  const meeting = useQuery({ ...orpc.meetings.get.queryOptions({ input: { id } }), gcTime: 0 });
  const clientId = meeting.data?.clientId ?? '';
  const detail = useQuery({ ...orpc.clients.get.queryOptions({ input: { id: clientId } }), enabled: !!clientId, gcTime: 0 });

  const error = meeting.error ?? detail.error;
  if (error) {
    return (
      <main id="main" className="screen">
        <p className="form-error" role="alert">{errorMessage(t, error)}</p>
        {/* A meeting gone from the book (erased elsewhere) must not leave the screen locked. */}
        {isClientView() && <button type="button" className="btn" onClick={() => setClientView(null)}>{t('meeting.advisorView')}</button>}
      </main>
    );
  }
  if (!meeting.data || !detail.data) return <main id="main" className="screen"><p className="muted">{t('app.loading')}</p></main>;
  return <Interview key={id} meeting={meeting.data} detail={detail.data} />;
}

function Interview({ meeting, detail }: { meeting: MeetingView; detail: ClientDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const clientView = useClientView();
  const readOnly = meeting.endedAt !== null;
  const [answeredBy, setAnsweredBy] = useState<AnswerSource>('client');
  const savers = useRef(new Map<string, Flushable>());
  const fieldsets = useRef(new Map<AttributeId, HTMLFieldSetElement>());
  const [values, setValues] = useState<Partial<Record<AttributeId, AnswerValue>>>({});
  const answered = useMemo(() => Object.fromEntries(ATTRIBUTE_IDS.map((a) => [a, isAnswered(values[a] ?? null)])) as Record<AttributeId, boolean>, [values]);
  // The live profile the segment hint ranks: exactly what the screen shows.
  const profile = useMemo(() => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as Profile, [values]);

  const onAnswered = useCallback((attribute: AttributeId, value: AnswerValue) => {
    setValues((a) => (a[attribute] === value ? a : { ...a, [attribute]: value }));
  }, []);
  const register = useCallback((key: string, saver: Flushable) => { savers.current.set(key, saver); }, []);
  const ctx: AnswerContext = useMemo(
    () => ({ clientId: detail.client.id, meetingId: meeting.id, answeredBy, onAnswered, register }),
    [detail.client.id, meeting.id, answeredBy, onAnswered, register],
  );
  const initial = useMemo(() => new Map(detail.answers.map((a) => [a.attribute, a])), [detail.answers]);
  const count = ATTRIBUTE_IDS.filter((a) => answered[a]).length;

  const focusQuestion = useCallback((attribute: AttributeId) => {
    const el = fieldsets.current.get(attribute);
    if (!el) return;
    (el.querySelector<HTMLInputElement>('input:checked') ?? el.querySelector<HTMLInputElement>('input[tabindex="0"], input'))?.focus();
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);

  const nextUnanswered = useCallback(() => {
    const here = (document.activeElement?.closest('[data-attribute]') as HTMLElement | null)?.dataset.attribute;
    const from = here ? ATTRIBUTE_IDS.indexOf(here as AttributeId) + 1 : 0;
    const order = [...ATTRIBUTE_IDS.slice(from), ...ATTRIBUTE_IDS.slice(0, from)];
    const next = order.find((a) => !answered[a]);
    const el = next && fieldsets.current.get(next);
    if (!el) return;
    const target = el.querySelector<HTMLInputElement>('input:checked') ?? el.querySelector<HTMLInputElement>('input[tabindex="0"], input[type="radio"]');
    target?.focus();
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [answered]);

  // Alt+N: next open question; F9: turn the screen to the client and back.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') { e.preventDefault(); nextUnanswered(); }
      // F9 is the advisor's key: it turns the screen back without asking.
      if (e.key === 'F9' && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); setClientView(isClientView() ? null : meeting.id); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nextUnanswered, meeting.id]);

  // Ending asks first when a part of the advice record is still empty, and says which.
  const [missing, setMissing] = useState<AdviceRecordPart[] | null>(null);
  const end = useMutation({
    mutationFn: async (confirmed: boolean): Promise<AdviceRecordPart[] | null> => {
      const results = await Promise.all([...savers.current.values()].map((s) => s.flush()));
      if (results.includes(false)) throw new NotAllSaved();
      if (!confirmed) {
        const gaps = missingRecordParts(await client.meetings.get({ id: meeting.id }));
        if (gaps.length > 0) return gaps;
      }
      await client.meetings.end({ id: meeting.id });
      return null;
    },
    onSuccess: async (gaps) => {
      if (gaps) { setMissing(gaps); return; }
      setMissing(null);
      setClientView(null);
      await queryClient.invalidateQueries();
      navigate(paths.client(detail.client.id));
    },
  });
  const completeRecord = () => {
    const first = missing?.[0];
    setMissing(null);
    // After the dialog has closed and handed focus back to the end button.
    if (first) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="f-${first}"] textarea`)?.focus());
  };

  return (
    <main id="main" className="screen meeting">
      <MeetingBar
        clientName={fullName(detail.client)}
        startedAt={meeting.startedAt}
        answered={count}
        total={ATTRIBUTE_IDS.length}
        clientView={clientView}
        readOnly={readOnly}
        ending={end.isPending}
        onNext={nextUnanswered}
        onClientView={() => setClientView(meeting.id)}
        onAdvisorView={() => setClientView(null)}
        onEnd={() => end.mutate(false)}
      />
      {end.isError && (
        <p className="form-error" role="alert">{end.error instanceof NotAllSaved ? t('meeting.endBlocked') : errorMessage(t, end.error)}</p>
      )}
      <ConfirmDialog
        open={missing !== null}
        title={t('meeting.incompleteTitle')}
        confirmLabel={t('meeting.endAnyway')}
        cancelLabel={t('meeting.completeFirst')}
        busy={end.isPending}
        onConfirm={() => end.mutate(true)}
        onCancel={completeRecord}
        testId="end-incomplete"
      >
        <p>{t('meeting.incompleteExplain')}</p>
        <ul>{missing?.map((part) => <li key={part}>{t(`meeting.fields.${part}`)}</li>)}</ul>
        <p className="small muted">{t('meeting.incompleteAfter')}</p>
      </ConfirmDialog>
      {readOnly && (
        <p className="notice">
          {t('meeting.ended', { time: formatDateTime(meeting.endedAt!, lang) })}{' '}
          <a href={paths.client(detail.client.id)}>{t('meeting.backToClient')}</a>
        </p>
      )}
      <div className="meeting-grid">
        <section className="questions" aria-labelledby="questions-title">
          <div className="questions-head">
            <h2 id="questions-title">{t('meeting.questions')}</h2>
            {!readOnly && (
              <fieldset className="answered-by internal" data-testid="answered-by">
                <legend>{t('meeting.answeredBy')}</legend>
                {ANSWER_SOURCES.map((source) => (
                  <label key={source} className="check">
                    <input type="radio" name="answered-by" checked={answeredBy === source} onChange={() => setAnsweredBy(source)} />
                    {source === 'client' ? t('meeting.answeredByClient') : t('meeting.answeredByAdvisor')}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
          <p className="hint internal shortcuts">{t('meeting.shortcuts')}</p>
          {ATTRIBUTE_IDS.map((attribute, i) => {
            const Question = MULTI_VALUE_ATTRIBUTES.has(attribute) ? MultiQuestion : ChoiceQuestion;
            return (
              <Question
                key={attribute}
                attribute={attribute}
                number={i + 1}
                initial={initial.get(attribute)}
                ctx={ctx}
                readOnly={readOnly}
                fieldsetRef={(el) => { if (el) fieldsets.current.set(attribute, el); }}
              />
            );
          })}
        </section>
        <div className="meeting-side">
          <SegmentHint clientId={detail.client.id} profile={profile} profiling={detail.consent.profiling ?? false} onAsk={focusQuestion} />
          <OffersPanel clientId={detail.client.id} meetingId={meeting.id} profile={profile} clientView={clientView} readOnly={readOnly}
            contactLast={detail.consentHistory.find((h) => h.purpose === 'contact')}
            onConsent={() => void queryClient.invalidateQueries({ queryKey: orpc.clients.get.key({ input: { id: detail.client.id } }) })} />
          <MeetingRecord meeting={meeting} readOnly={readOnly} clientView={clientView} register={register} />
          <MeetingFeedback meeting={meeting} readOnly={readOnly} />
          <ClientPurchases clientId={detail.client.id} />
        </div>
      </div>
    </main>
  );
}
