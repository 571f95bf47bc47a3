// Routes of the work-language pages: #/glossary[/new|/:id], #/tasks[/new/template|/new/trainee/:id|/:id[/edit]].
import { GlossaryEntryPage } from './GlossaryEntryPage';
import { GlossaryPage } from './GlossaryPage';
import { TaskDetail } from './TaskDetail';
import { TaskFormPage } from './TaskFormPage';
import { TasksPage } from './TasksPage';

const num = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

export function LanguagePage({ route }: { route: string[] }) {
  const [section, a, b, c] = route;
  if (section === 'glossary') {
    if (a === 'new') return <GlossaryEntryPage key="new" />;
    const id = num(a);
    return id ? <GlossaryEntryPage key={id} id={id} /> : <GlossaryPage />;
  }
  if (a === 'new') return b === 'trainee' && num(c) ? <TaskFormPage key={`n${c}`} traineeId={num(c)!} /> : <TaskFormPage key="tpl" />;
  const id = num(a);
  if (id) return b === 'edit' ? <TaskFormPage key={`e${id}`} id={id} /> : <TaskDetail key={id} id={id} />;
  return <TasksPage />;
}
