import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads data once (and again on reload()); keeps the last error for display. `initial` may give data that is
 * already there (a call the start made in advance: prefetched() in api.ts); then the first render shows it and the
 * first load is skipped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[], initial?: () => T | undefined) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>(() => {
    const data = initial?.();
    return data === undefined ? { loading: true } : { data, loading: false };
  });
  const [n, setN] = useState(0);
  const given = useRef(state.data !== undefined);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    if (given.current) {
      given.current = false;
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [run, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}
