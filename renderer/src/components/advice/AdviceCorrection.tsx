// A correction: the meeting's own fields are edited (wishes, risk, advice,
// decision), then the next version is made from them. Earlier versions, and
// above all delivered ones, stay exactly as they were.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdviceContent } from '#core/advice.ts';
import type { AdviceView } from '#contract/views.ts';
import { useLang } from '../../hooks/useLang.ts';
import { errorMessage } from '../../problems.ts';
import { client } from '../../rpc.ts';
import { FormField } from '../FormField.tsx';

const FIELDS = ['wishes', 'riskSituation', 'advice', 'decision'] as const;

export function AdviceCorrection({ meetingId, content, onMade }: { meetingId: string; content: AdviceContent; onMade: (v: AdviceView) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(() => Object.fromEntries(FIELDS.map((f) => [f, content[f] ?? ''])) as Record<(typeof FIELDS)[number], string>);
  const make = useMutation({
    mutationFn: async () => {
      await client.meetings.update({ id: meetingId, patch: values });
      return client.advice.make({ meetingId, language: lang });
    },
    onSuccess: (v) => { setOpen(false); onMade(v); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); if (!make.isPending) make.mutate(); };
  if (!open) return <button type="button" className="btn" onClick={() => setOpen(true)}>{t('advice.correct')}</button>;
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="advice-correction">
      <h2>{t('advice.correctTitle')}</h2>
      <p className="muted small">{t('advice.correctExplain')}</p>
      {FIELDS.map((f) => (
        <FormField key={f} label={t(`meeting.fields.${f}`)} multiline value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
      ))}
      <button type="submit" className="btn btn-primary" disabled={make.isPending}>{t('advice.makeVersion')}</button>
      {make.isError && <p className="form-error" role="alert">{errorMessage(t, make.error)}</p>}
    </form>
  );
}
