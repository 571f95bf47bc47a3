import type { glossaryContract, ImportResult } from '../../../shared/glossary';
import type { tasksContract } from '../../../shared/tasks';
import { defineHandlers } from '../api/registry';
import { notFound } from '../errors';
import { assertScope, createEntry, deleteEntry, entryRow, getEntry, listEntries, markChecked, updateEntry } from './glossary';
import { readPicture, removePicture, setPicture } from './pictures';
import { copyTask, createTask, deleteTask, getTask, listTasks, reshuffleTask, setTaskStatus, taskProgress, updateTask } from './tasks';

export const glossaryHandlers = defineHandlers<typeof glossaryContract>({
  'glossary.list': (input, { store, now }) => listEntries(store.db, input, now()),
  'glossary.get': ({ id }, { store }) => getEntry(store.db, id),
  'glossary.create': (input, { store, now }) => createEntry(store.db, input, now()),
  'glossary.update': (input, { store, now }) => updateEntry(store.db, input, now()),
  'glossary.markChecked': ({ id, language }, { store, now }) => markChecked(store.db, id, language, now()),
  'glossary.delete': ({ id }, { store }) => {
    deleteEntry(store, id);
    return { deleted: true as const };
  },
  'glossary.setPicture': ({ id, base64 }, { store, now }) => setPicture(store, id, base64, now()),
  'glossary.removePicture': ({ id }, { store, now }) => removePicture(store, id, now()),
  'glossary.picture': ({ id }, { store }) => {
    const row = entryRow(store.db, id);
    const bytes = readPicture(store, row.picture_file);
    if (!bytes || !row.picture_mime) throw notFound('picture of glossary entry', id);
    return { mimeType: row.picture_mime, base64: bytes.toString('base64') };
  },
  // The import runs in the job worker: a big file does not block the thread that answers the UI.
  'glossary.import': async ({ occupationId, base64 }, { store, jobs }) => {
    assertScope(store.db, occupationId);
    return (await jobs.run('glossaryImport', { occupationId, base64 })) as ImportResult;
  },
});

export const taskHandlers = defineHandlers<typeof tasksContract>({
  'tasks.list': (input, { store }) => listTasks(store.db, input),
  'tasks.get': ({ id }, { store }) => getTask(store.db, id),
  'tasks.create': (input, { store, now }) => createTask(store.db, input, now()),
  'tasks.update': (input, { store, now }) => updateTask(store.db, input, now()),
  'tasks.setStatus': ({ id, status }, { store, now }) => setTaskStatus(store.db, id, status, now()),
  'tasks.delete': ({ id }, { store }) => {
    deleteTask(store.db, id);
    return { deleted: true as const };
  },
  'tasks.copy': ({ id, traineeId }, { store, now }) => copyTask(store.db, id, traineeId, now()),
  'tasks.reshuffle': ({ id }, { store }) => reshuffleTask(store.db, id),
  'tasks.progress': ({ traineeId }, { store, now }) => taskProgress(store.db, traineeId, now()),
});
