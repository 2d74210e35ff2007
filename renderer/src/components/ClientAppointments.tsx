// A client's planned meetings on their page: the coming ones (call one off),
// and a short form to plan another: day, time, length, place and purpose.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDate } from '../format.ts';
import { momentOf } from '../dates.ts';
import { useLang } from '../hooks/useLang.ts';
import { newId } from '../ids.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client, orpc } from '../rpc.ts';
import { DateField } from './DateField.tsx';
import { FormField } from './FormField.tsx';

const startOfToday = () => { const d = new Date(); d.setHours(0, 0, 0, 0); return d.getTime(); };

export function ClientAppointments({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const planned = useQuery(orpc.appointments.ofClient.queryOptions({ input: { clientId, from: startOfToday() } }));
  const [id, setId] = useState(newId);
  const [day, setDay] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState('60');
  const [place, setPlace] = useState('');
  const [purpose, setPurpose] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const when = (at: number, length: number) => t('day.when', { date: formatDate(at, lang), time: formatClock(at, lang), minutes: length });
  const changed = () => queryClient.invalidateQueries({ queryKey: orpc.appointments.key() }).then(() => queryClient.invalidateQueries({ queryKey: orpc.day.key() }));
  const plan = useMutation({
    mutationFn: () => client.appointments.plan({
      id, clientId, startsAt: momentOf(day, time), minutes: Number(minutes), place: place || null, purpose,
    }),
    onSuccess: () => {
      setDone(t('day.planned', { when: when(momentOf(day, time), Number(minutes)) }));
      setId(newId()); setPurpose(''); setPlace('');
      return changed();
    },
  });
  const cancel = useMutation({ mutationFn: (appointmentId: string) => client.appointments.cancel({ id: appointmentId }), onSuccess: changed });
  const problems = problemsByField(problemsOf(plan.error) ?? []);
  // The day and the time are one moment for the core: a day or time it cannot read is said at the day.
  const momentProblem = problems.startsAt && problemMessage(t, problems.startsAt);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!plan.isPending) plan.mutate();
  };
  return (
    <section className="card" aria-labelledby="appointments-title" data-testid="client-appointments">
      <h2 id="appointments-title">{t('day.plannedTitle')}</h2>
      {(planned.data ?? []).length === 0 ? <p className="muted">{t('day.plannedNone')}</p> : (
        <ul className="appointment-list">
          {planned.data!.map((a) => (
            <li key={a.id} className={a.cancelledAt ? 'cancelled' : ''}>
              <span>{when(a.startsAt, a.minutes)}</span> <strong>{a.purpose}</strong>{a.place ? ` · ${a.place}` : ''}
              {a.cancelledAt ? <span className="muted"> · {t('day.cancelled')}</span> : a.meetingId ? <span className="muted"> · {t('day.held')}</span> : (
                <button type="button" className="link-button" onClick={() => cancel.mutate(a.id)} disabled={cancel.isPending}>{t('day.cancel')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form appointment-form" onSubmit={submit} noValidate aria-label={t('day.plan')}>
        <DateField label={t('day.dateLabel')} value={day} onChange={setDay} error={momentProblem || undefined} testId="appointment-day" />
        <FormField label={t('day.timeLabel')} value={time} maxLength={5} inputMode="numeric" onChange={(e) => setTime(e.target.value)} />
        <FormField label={t('day.minutes')} value={minutes} maxLength={3} inputMode="numeric"
          onChange={(e) => setMinutes(e.target.value)} error={problems.minutes && problemMessage(t, problems.minutes)} />
        <FormField label={t('day.place')} value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} optionalLabel={t('common.optional')} />
        <FormField className="grow" label={t('day.purpose')} value={purpose} maxLength={500} placeholder={t('day.purposePlaceholder')}
          onChange={(e) => setPurpose(e.target.value)} error={problems.purpose && problemMessage(t, problems.purpose)} />
        <button type="submit" className="btn" disabled={plan.isPending}>{t('day.planDo')}</button>
      </form>
      <p className="hint" role="status">{done ?? ''}</p>
      {plan.isError && !problemsOf(plan.error) && <p className="form-error" role="alert">{errorMessage(t, plan.error)}</p>}
    </section>
  );
}
