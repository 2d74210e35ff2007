// The client's open follow-ups, and a quick way to add one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '#contract/views.ts';
import { newId } from '../ids.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client, orpc } from '../rpc.ts';
import { dayForCore } from '../dates.ts';
import { DateField } from './DateField.tsx';
import { FormField } from './FormField.tsx';
import { TaskItem } from './TaskItem.tsx';

export function ClientTasks({ clientId, tasks, onChange }: { clientId: string; tasks: TaskView[]; onChange: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [id, setId] = useState(newId);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const changed = () => Promise.all([onChange(), queryClient.invalidateQueries({ queryKey: orpc.tasks.key() })]);
  const add = useMutation({
    mutationFn: () => client.tasks.add({ id, clientId, title, dueDate: dayForCore(dueDate) || null }),
    onSuccess: () => { setId(newId()); setTitle(''); setDueDate(''); changed(); },
  });
  const problems = problemsByField(problemsOf(add.error) ?? []);
  const open = tasks.filter((task) => task.doneAt === null);
  const done = tasks.filter((task) => task.doneAt !== null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!add.isPending) add.mutate();
  };
  return (
    <section className="card" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('client.tasks')}</h2>
      {open.length === 0 ? <p className="muted">{t('tasks.empty')}</p> : (
        <ul className="task-list">{open.map((task) => <TaskItem key={task.id} task={task} onChange={changed} />)}</ul>
      )}
      {done.length > 0 && (
        <details className="done-tasks">
          <summary>{t('tasks.doneList', { count: done.length })}</summary>
          <ul className="task-list">{done.map((task) => <TaskItem key={task.id} task={task} onChange={changed} />)}</ul>
        </details>
      )}
      <form className="inline-form" onSubmit={submit} noValidate aria-label={t('tasks.add')}>
        <FormField className="grow" label={t('tasks.newTitle')} value={title} maxLength={200}
          onChange={(e) => setTitle(e.target.value)} error={problems.title && problemMessage(t, problems.title)} />
        <DateField label={t('tasks.due')} optionalLabel={t('common.optional')} value={dueDate} testId="task-due"
          onChange={setDueDate} error={problems.dueDate && problemMessage(t, problems.dueDate)} />
        <button type="submit" className="btn" disabled={add.isPending}>{t('tasks.add')}</button>
      </form>
      {add.isError && !problemsOf(add.error) && <p className="form-error" role="alert">{errorMessage(t, add.error)}</p>}
    </section>
  );
}
