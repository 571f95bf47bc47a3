import type { contactsContract } from '../../../shared/contacts';
import { defineHandlers } from '../api/registry';
import { createContact, deleteContact, listContacts, setTraineeContacts, updateContact } from './service';

export const contactHandlers = defineHandlers<typeof contactsContract>({
  'contacts.list': ({ traineeId }, { store }) => listContacts(store.db, traineeId),
  'contacts.create': (input, { store, now }) => createContact(store.db, input, now()),
  'contacts.update': (input, { store, now }) => updateContact(store.db, input, now()),
  'contacts.delete': ({ id }, { store }) => {
    deleteContact(store.db, id);
    return { deleted: true as const };
  },
  'contacts.setForTrainee': ({ traineeId, contactIds }, { store }) => setTraineeContacts(store.db, traineeId, contactIds),
});
