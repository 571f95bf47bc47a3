import type { Shape } from '../shape';
import type de from '../de/firm';

export default {
  title: 'Training company',
  intro: 'These details appear in the letterhead of every printout.',
  missing: 'Please fill in the company profile first: it appears on every PDF.',
  fields: {
    name: 'Company name',
    street: 'Street and number',
    zip: 'Postcode',
    city: 'City',
    phone: 'Phone',
    email: 'E-mail',
    betriebsnummer: 'Company number (Betriebsnummer, 8 digits)',
    chamber: 'Chamber of crafts (Handwerkskammer)',
    chamberMemberNo: 'Chamber membership number',
  },
  trainers: {
    title: 'Trainers',
    name: 'Name',
    role: 'Role',
    aevo: 'Trainer qualification (AEVO)',
    add: 'Add trainer',
    none: 'Nobody entered yet.',
    removeLabel: 'Remove {{name}}',
  },
} satisfies Shape<typeof de>;
