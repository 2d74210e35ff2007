// Stage 1 of segmentation: the advisor sets the segment from what they know of
// the client. It wins over the rules everywhere, and the reason is kept.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_IDS, SEGMENT_NAMES, type SegmentId } from '#core/segments/index.ts';
import { useLang } from '../../hooks/useLang.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../../problems.ts';
import { client, orpc } from '../../rpc.ts';
import { FormField } from '../FormField.tsx';

export function OverrideForm({ clientId, current }: { clientId: string; current: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [segment, setSegment] = useState<SegmentId>((current as SegmentId | null) ?? SEGMENT_IDS[0]);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => client.segments.override({ clientId, segment, reason }),
    onSuccess: async () => {
      setReason('');
      await queryClient.invalidateQueries({ queryKey: orpc.segments.state.key({ input: { clientId } }) });
    },
  });
  const problems = problemsByField(problemsOf(save.error) ?? []);
  const submit = (e: FormEvent) => { e.preventDefault(); if (!save.isPending) save.mutate(); };
  return (
    <details className="override" data-testid="segment-override">
      <summary>{t('segment.override')}</summary>
      <form onSubmit={submit} noValidate>
        <label className="field">{t('segment.overrideSegment')}
          <select value={segment} onChange={(e) => setSegment(e.target.value as SegmentId)}>
            {SEGMENT_IDS.map((s) => <option key={s} value={s}>{SEGMENT_NAMES[s][lang]}</option>)}
          </select>
        </label>
        <FormField label={t('segment.overrideReasonLabel')} multiline value={reason} maxLength={500}
          onChange={(e) => setReason(e.target.value)} error={problems.reason && problemMessage(t, problems.reason)} />
        <button type="submit" className="btn" disabled={save.isPending}>{t('segment.overrideSave')}</button>
        {save.isError && !problemsOf(save.error) && <p className="form-error" role="alert">{errorMessage(t, save.error)}</p>}
      </form>
    </details>
  );
}
