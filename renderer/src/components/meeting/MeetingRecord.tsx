// The free text of the meeting: reason, wishes and needs, risk situation and
// the advisor's own notes. Saved as typed; unsaved text survives a reload.
import { useTranslation } from 'react-i18next';
import { MEETING_TEXT_FIELDS, MEETING_TEXT_LIMIT, type MeetingTextField } from '#core/meeting.ts';
import type { MeetingView } from '#contract/views.ts';
import type { Flushable } from '../../autosaver.ts';
import { client } from '../../rpc.ts';
import { AutoField } from '../AutoField.tsx';

interface Props {
  meeting: MeetingView;
  readOnly: boolean;
  clientView: boolean;
  register: (key: string, saver: Flushable) => void;
}

const LIMITS: Record<MeetingTextField, number> = { reason: 500, wishes: MEETING_TEXT_LIMIT, riskSituation: MEETING_TEXT_LIMIT, notes: MEETING_TEXT_LIMIT, advice: 4000, decision: 2000 };

export function MeetingRecord({ meeting, readOnly, clientView, register }: Props) {
  const { t } = useTranslation();
  return (
    <section className="meeting-record" aria-labelledby="record-title">
      <h2 id="record-title">{t('meeting.record')}</h2>
      {MEETING_TEXT_FIELDS.map((field) => {
        const internal = field === 'notes';
        return (
          <AutoField
            key={field}
            testId={`f-${field}`}
            label={t(`meeting.fields.${field}`)}
            hint={t(`meeting.fieldHints.${field}`)}
            badge={internal ? <span className="badge badge-internal">{t('meeting.internalOnly')}</span> : undefined}
            className={internal ? 'internal-field' : undefined}
            hidden={internal && clientView}
            multiline
            maxLength={LIMITS[field]}
            initial={meeting[field] ?? ''}
            disabled={readOnly}
            draftKey={readOnly ? undefined : `aw:draft:meeting:${meeting.id}:${field}`}
            onSaver={(saver) => register(`f:${field}`, saver)}
            save={(value) => client.meetings.update({ id: meeting.id, patch: { [field]: value === '' ? null : value } })}
          />
        );
      })}
    </section>
  );
}
