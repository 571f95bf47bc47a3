// A tiny hash router: "#/trainees/12" → ['trainees', '12']. No history library needed for a handful of pages.
import { useSyncExternalStore } from 'react';

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean);
}

export function navigate(path: string) {
  window.location.hash = `#${path}`;
}

export const href = (path: string) => `#${path}`;
