// All open follow-ups across the book: what is due first.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TaskItem } from '../components/TaskItem.tsx';
import { todayIso } from '../format.ts';
import { errorMessage } from '../problems.ts';
import { orpc } from '../rpc.ts';

export function TasksScreen() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tasks = useQuery(orpc.tasks.open.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.tasks.key() });

  if (tasks.isError) return <main id="main" className="screen"><p className="form-error" role="alert">{errorMessage(t, tasks.error)}</p></main>;
  const all = tasks.data ?? [];
  const today = todayIso();
  const groups = [
    { key: 'due', title: t('tasks.dueTitle'), items: all.filter((x) => x.dueDate !== null && x.dueDate <= today) },
    { key: 'later', title: t('tasks.laterTitle'), items: all.filter((x) => x.dueDate !== null && x.dueDate > today) },
    { key: 'undated', title: t('tasks.undatedTitle'), items: all.filter((x) => x.dueDate === null) },
  ];

  return (
    <main id="main" className="screen narrow">
      <h1>{t('tasks.title')}</h1>
      {tasks.isPending && <p className="muted">{t('app.loading')}</p>}
      {tasks.data && all.length === 0 && <p className="muted">{t('tasks.empty')}</p>}
      {groups.filter((g) => g.items.length > 0).map((g) => (
        <section key={g.key} className="card" aria-labelledby={`tasks-${g.key}`}>
          <h2 id={`tasks-${g.key}`}>{g.title} <span className="muted small">({g.items.length})</span></h2>
          <ul className="task-list">{g.items.map((task) => <TaskItem key={task.id} task={task} onChange={refresh} />)}</ul>
        </section>
      ))}
    </main>
  );
}
