// Recording a contact: a call, an email, a letter, a visit …
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, DIRECTIONS, TOUCHPOINT_KINDS, type Channel, type TouchpointKind } from '#core/touchpoint.ts';
import { dayText, momentOf, parseTime, timeText } from '../dates.ts';
import { todayIso } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { newId } from '../ids.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client } from '../rpc.ts';
import { DateField } from './DateField.tsx';
import { FormField } from './FormField.tsx';

/** The channel a kind of contact usually takes; the advisor can change it. */
const USUAL_CHANNEL: Partial<Record<TouchpointKind, Channel>> = {
  meeting: 'in_person', call: 'phone', email: 'email', letter: 'letter', visit: 'in_person', chat: 'video',
  alert: 'assistant_app', offer: 'email', purchase: 'online_shop',
};
// A meeting is recorded by starting one; alerts come from the assistant.
const KINDS = TOUCHPOINT_KINDS.filter((k) => k !== 'meeting' && k !== 'alert');

export function AddTouchpoint({ clientId, onAdded }: { clientId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState(newId);
  const [kind, setKind] = useState<TouchpointKind>('call');
  const [channel, setChannel] = useState<Channel>('phone');
  const [direction, setDirection] = useState<(typeof DIRECTIONS)[number]>('outbound');
  // When it happened: a day in the UI's format and a 24-hour time, now unless changed.
  const [day, setDay] = useState(() => dayText(todayIso(), lang));
  const [time, setTime] = useState(() => timeText(Date.now()));
  const [timeChecked, setTimeChecked] = useState(false);
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [done, setDone] = useState(false);

  const add = useMutation({
    mutationFn: () => {
      return client.touchpoints.add({ id, clientId, kind, channel, direction, summary, outcome, occurredAt: momentOf(day, time) });
    },
    onSuccess: () => {
      setId(newId());
      setSummary('');
      setOutcome('');
      setDay(dayText(todayIso(), lang));
      setTime(timeText(Date.now()));
      setTimeChecked(false);
      setDone(true);
      setOpen(false);
      onAdded();
    },
  });
  const problems = problemsByField(problemsOf(add.error) ?? []);
  const msg = (f: string) => (problems[f] ? problemMessage(t, problems[f]) : undefined);

  if (!open) {
    return (
      <p className="row-actions">
        <button type="button" className="btn" onClick={() => { setOpen(true); setDone(false); }}>{t('touchpoint.add')}</button>
        {done && <span className="muted small" role="status">{t('touchpoint.added')}</span>}
      </p>
    );
  }

  const badTime = timeChecked && parseTime(time) === null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTimeChecked(true);
    if (parseTime(time) !== null && !add.isPending) add.mutate();
  };
  return (
    <form className="subform form-grid" onSubmit={submit} noValidate aria-label={t('touchpoint.add')}>
      <div className="field">
        <label htmlFor="tp-kind">{t('touchpoint.kind')}</label>
        <select id="tp-kind" value={kind} autoFocus onChange={(e) => {
          const k = e.target.value as TouchpointKind;
          setKind(k);
          setChannel(USUAL_CHANNEL[k] ?? channel);
        }}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`touchpoint.kinds.${k}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tp-channel">{t('touchpoint.channel')}</label>
        <select id="tp-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {CHANNELS.map((c) => <option key={c} value={c}>{t(`touchpoint.channels.${c}`)}</option>)}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('touchpoint.direction')}</legend>
        <div className="choice-row">
          {DIRECTIONS.map((d) => (
            <label key={d} className="check">
              <input type="radio" name="tp-direction" checked={direction === d} onChange={() => setDirection(d)} />
              {t(`touchpoint.directions.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-row">
        <DateField label={t('touchpoint.occurredAt')} value={day} onChange={setDay} error={msg('occurredAt')} />
        <FormField label={t('dates.time')} value={time} inputMode="numeric" placeholder={t('dates.timePattern')} maxLength={5}
          onChange={(e) => setTime(e.target.value)} error={badTime ? t('dates.invalidTime') : undefined} />
      </div>
      <FormField className="span-2" label={t('touchpoint.summary')} value={summary} maxLength={500} onChange={(e) => setSummary(e.target.value)} error={msg('summary')} />
      <FormField className="span-2" multiline label={t('touchpoint.outcome')} optionalLabel={t('common.optional')} value={outcome} maxLength={2000} onChange={(e) => setOutcome(e.target.value)} error={msg('outcome')} />
      {add.isError && !problemsOf(add.error) && <p className="form-error span-2" role="alert">{errorMessage(t, add.error)}</p>}
      <div className="form-actions span-2">
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>{add.isPending ? t('touchpoint.adding') : t('common.save')}</button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
