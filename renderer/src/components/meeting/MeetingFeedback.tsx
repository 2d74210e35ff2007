// At the end of the meeting, the client says how likely they are to recommend
// us (NPS, 0-10) and how easy it was (CES, 1-7). Saved on each choice; the
// client may answer it themselves in the client view.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '#contract/views.ts';
import { errorMessage } from '../../problems.ts';
import { client } from '../../rpc.ts';

const SCALES = { nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ces: [1, 2, 3, 4, 5, 6, 7] } as const;

export function MeetingFeedback({ meeting, readOnly }: { meeting: MeetingView; readOnly: boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ nps: meeting.nps, ces: meeting.ces });
  const save = useMutation({ mutationFn: (patch: { nps?: number; ces?: number }) => client.meetings.update({ id: meeting.id, patch }) });
  const choose = (key: 'nps' | 'ces', n: number) => { setValues({ ...values, [key]: n }); save.mutate({ [key]: n }); };
  return (
    <section className="card feedback" aria-labelledby="feedback-title" data-testid="meeting-feedback">
      <h2 id="feedback-title">{t('meeting.feedback.title')}</h2>
      {(['nps', 'ces'] as const).map((key) => (
        <fieldset key={key} className="scale" data-testid={`feedback-${key}`} data-value={values[key] ?? ''} disabled={readOnly}>
          <legend>{t(`meeting.feedback.${key}`)}</legend>
          <div className="scale-options">
            {SCALES[key].map((n) => (
              <label key={n} className="scale-option">
                <input type="radio" name={`feedback-${key}`} value={n} checked={values[key] === n} onChange={() => choose(key, n)} />
                <span>{n}</span>
              </label>
            ))}
          </div>
          <p className="muted small">{t(`meeting.feedback.${key}Ends`)}</p>
        </fieldset>
      ))}
      {save.isError && <p className="form-error" role="alert">{errorMessage(t, save.error)}</p>}
    </section>
  );
}
