// One Autosaver per mounted field, its state rendered through React.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Autosaver, type AutosaverOptions, type AutosaverSnapshot } from '../autosaver.ts';

export function useAutosave<T>(initial: T, options: AutosaverOptions<T>): [AutosaverSnapshot<T>, Autosaver<T>] {
  const [saver] = useState(() => new Autosaver(initial, options));
  // The latest save function (it closes over ids and the answering mode).
  saver.options = { ...saver.options, save: options.save };
  useEffect(() => () => saver.leave(), [saver]);
  const snap = useSyncExternalStore(saver.subscribe, saver.snapshot);
  return [snap, saver];
}
