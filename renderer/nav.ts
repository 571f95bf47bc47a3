// Entries of the main navigation. Each domain adds its page here and a route in App.tsx.
export const NAV: { path: string; label: string }[] = [
  { path: '/trainees', label: 'common:nav.trainees' },
  { path: '/nachweise', label: 'plan:nav.nachweise' },
  { path: '/fristen', label: 'immigration:nav.deadlines' },
  { path: '/kontakte', label: 'immigration:nav.contacts' },
  { path: '/glossary', label: 'language:nav.glossary' },
  { path: '/tasks', label: 'language:nav.tasks' },
  { path: '/occupations', label: 'plan:nav.occupations' },
  // Case files shared with a mediator's workspace (issue 12).
  { path: '/netzwerk', label: 'casefile:nav' },
  { path: '/firm', label: 'common:nav.firm' },
  { path: '/settings', label: 'common:nav.settings' },
];
