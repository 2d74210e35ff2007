// What a tab shows: one call to the backend, made again when its input
// changes or on reload(). Small on purpose: the console reads a handful of
// lists and needs no cache shared between them.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => { if (current) setState({ data, error: null, loading: false }); },
      (error: unknown) => { if (current) setState((s) => ({ data: s.data, error, loading: false })); },
    );
    // An answer to an older input or round arrives too late to be shown.
    return () => { current = false; };
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
