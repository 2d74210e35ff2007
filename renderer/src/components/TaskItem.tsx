// One task with its checkbox: ticking it marks it done at once.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '#contract/views.ts';
import { formatIsoDate, todayIso } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths } from '../hooks/useRoute.ts';
import { errorMessage } from '../problems.ts';
import { client } from '../rpc.ts';

// onChange returns the refetch, so the box stays as ticked until the list has moved the task.
interface Props { task: TaskView & { clientName?: string }; onChange: () => Promise<unknown> }

export function TaskItem({ task, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  // What the advisor just ticked, shown in the same frame as the click: the mutation's own
  // pending state arrives a tick later, and a controlled box would spring back meanwhile.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const toggle = useMutation({
    mutationFn: (done: boolean) => client.tasks.update({ id: task.id, patch: { done } }),
    onSuccess: () => onChange(),
    onSettled: () => setTicked(null),
  });
  const done = task.doneAt !== null;
  const overdue = !done && task.dueDate !== null && task.dueDate < todayIso();
  const due = task.dueDate
    ? (overdue ? t('tasks.overdue', { date: formatIsoDate(task.dueDate, lang) }) : t('tasks.dueOn', { date: formatIsoDate(task.dueDate, lang) }))
    : t('tasks.noDue');
  const checked = ticked ?? done;

  return (
    <li className={`task${done ? ' done' : ''}${overdue ? ' overdue' : ''}`}>
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={ticked !== null}
          aria-label={t('tasks.markDone', { title: task.title })}
          onChange={(e) => { setTicked(e.target.checked); toggle.mutate(e.target.checked); }}
        />
        <span className="task-title">{task.title}</span>
      </label>
      <span className="task-meta small">
        {task.clientName && <a href={paths.client(task.clientId)}>{task.clientName}</a>}
        <span className={overdue ? 'warn' : 'muted'}>{due}</span>
      </span>
      {task.notes && <p className="small muted task-notes">{task.notes}</p>}
      {toggle.isError && <p className="field-error" role="alert">{errorMessage(t, toggle.error)}</p>}
    </li>
  );
}
