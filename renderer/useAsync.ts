import { useCallback, useEffect, useRef, useState } from 'react';

interface State<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  /** The load (and reload count) the data or error came from. */
  from?: { run: () => Promise<T>; n: number };
}

/**
 * Loads data once (and again on reload()); keeps the last error for display. `initial` may give data that is
 * already there (a call the start made in advance: prefetched() in api.ts); then the first render shows it and the
 * first load is skipped. `loading` is true from the very render whose deps differ from those of the data shown
 * (the old data stays until the new arrives), so that nothing reads old data as fresh.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[], initial?: () => T | undefined) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const [n, setN] = useState(0);
  const [state, setState] = useState<State<T>>(() => {
    const data = initial?.();
    return data === undefined ? { loading: true } : { data, loading: false, from: { run, n: 0 } };
  });
  const given = useRef(state.data !== undefined);
  useEffect(() => {
    if (given.current) {
      given.current = false;
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => live && setState({ data, loading: false, from: { run, n } }),
      (error: unknown) => live && setState({ error, loading: false, from: { run, n } }),
    );
    return () => {
      live = false;
    };
  }, [run, n]);
  const current = state.from?.run === run && state.from.n === n;
  return { data: state.data, error: state.error, loading: state.loading || !current, reload: () => setN((x) => x + 1) };
}
