// The demo workspace and every PDF export it offers: each trainee's documents and each trainee's worksheet.
import type { ExportRequest } from '../../shared/exports';
import { createDemo } from '../../electron/core/demo';
import type { Store } from '../../electron/core/store/db';

export const TRAINEE_PDFS = ['stammblatt', 'ausbildungsplan', 'ausbildungsnachweis', 'ausbildungsstand', 'mitteilung-abh', 'ausbildungsbestaetigung', 'dokumentenstand'] as const;

/** Creates the demo in `store` and lists the export requests for all of its PDFs. */
export function demoPdfRequests(store: Store, now: Date): ExportRequest[] {
  const demo = createDemo(store, now);
  const tasks = store.db.prepare('SELECT id FROM learning_tasks WHERE trainee_id IS NOT NULL').all() as { id: number }[];
  return [
    ...demo.trainees.flatMap((t) => TRAINEE_PDFS.map((kind) => ({ kind, traineeId: t.id }) as ExportRequest)),
    ...tasks.map((t) => ({ kind: 'arbeitsblatt', taskId: t.id }) as ExportRequest),
  ];
}
