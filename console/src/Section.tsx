// What every section has: its title and what it shows, a refresh, and the
// state of its call: loading, failed (with a way to try again) or its content.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors.ts';
import type { Loaded } from './useLoad.ts';

interface Props<T> {
  title: string;
  intro: string;
  loaded: Loaded<T>;
  /** Beside the title: a filter, a moment of computation. */
  aside?: ReactNode;
  children: (data: T) => ReactNode;
}

export function Section<T>({ title, intro, loaded, aside, children }: Props<T>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="screen-head">
        <h1>{title}</h1>
        {aside}
        <button type="button" className="btn btn-small head-action" onClick={loaded.reload} disabled={loaded.loading}>{t('app.refresh')}</button>
      </div>
      <p className="muted intro">{intro}</p>
      {loaded.error !== null && (
        <div className="form-error console-error" role="alert">
          {errorMessage(t, loaded.error)}{' '}
          <button type="button" className="link-button" onClick={loaded.reload}>{t('app.retry')}</button>
        </div>
      )}
      {loaded.data === undefined
        ? loaded.error === null && <p className="muted" aria-busy="true">{t('app.loading')}</p>
        : children(loaded.data)}
    </>
  );
}
