// Entries of the main navigation. Each domain adds its page here and a route in App.tsx.
export const NAV: { path: string; label: string }[] = [
  { path: '/trainees', label: 'common:nav.trainees' },
  { path: '/firm', label: 'common:nav.firm' },
  { path: '/settings', label: 'common:nav.settings' },
];
