// First start: who works here, in which roles and language, and whether to
// try things out on a made-up book of clients.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#core/roles.ts';
import { FormField } from '../components/FormField.tsx';
import { RolesField } from '../components/RolesField.tsx';
import { applyLanguage, LANGUAGES, type Language } from '../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client } from '../rpc.ts';
import { navigate, paths } from '../hooks/useRoute.ts';

const LANGUAGE_NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function FirstStart() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['advisor']);
  const [demoBook, setDemoBook] = useState(true);

  const setup = useMutation({
    mutationFn: () => client.session.setup({ displayName, roles, locale: lang, demoBook }),
    // A new workstation opens on its client book (the demo book, or the empty one to fill); later starts open on the day.
    onSuccess: () => { navigate(paths.clients()); return queryClient.invalidateQueries(); },
    onError: (error) => { if (problemsOf(error)?.some((p) => p.field === 'displayName')) nameRef.current?.focus(); },
  });
  const problems = problemsByField(problemsOf(setup.error) ?? []);
  const otherError = setup.error && !problemsOf(setup.error) ? errorMessage(t, setup.error) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!setup.isPending) setup.mutate();
  };

  return (
    <main id="main" className="first-start">
      <form className="card setup-card" onSubmit={submit} noValidate aria-busy={setup.isPending}>
        <h1>{t('firstStart.title')}</h1>
        <p className="muted">{t('firstStart.intro')}</p>

        <FormField
          ref={nameRef}
          label={t('firstStart.name')}
          hint={t('firstStart.nameHint')}
          value={displayName}
          maxLength={100}
          autoComplete="name"
          autoFocus
          onChange={(e) => setDisplayName(e.target.value)}
          error={problems.displayName && problemMessage(t, problems.displayName)}
        />

        <RolesField
          legend={t('firstStart.roles')}
          hint={t('firstStart.rolesHint')}
          roles={roles}
          onChange={setRoles}
          error={problems.roles && problemMessage(t, problems.roles)}
        />

        <fieldset className="field">
          <legend>{t('firstStart.language')}</legend>
          <div className="choice-row">
            {LANGUAGES.map((l) => (
              <label key={l} className="check" lang={l}>
                <input type="radio" name="language" checked={lang === l} onChange={() => applyLanguage(l)} />
                {LANGUAGE_NAMES[l]}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="field">
          <label className="check">
            <input type="checkbox" checked={demoBook} onChange={(e) => setDemoBook(e.target.checked)} aria-describedby="demo-hint" />
            {t('firstStart.demoBook')}
          </label>
          <p className="hint" id="demo-hint">{t('firstStart.demoHint')}</p>
        </div>

        {otherError && <p className="form-error" role="alert">{otherError}</p>}

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={setup.isPending}>
            {setup.isPending ? t('firstStart.working') : t('firstStart.start')}
          </button>
        </div>
        {setup.isPending && (
          <div className="progress-note" role="status">
            <progress aria-label={t('firstStart.working')} />
            <span>{demoBook ? t('firstStart.workingDemo') : t('firstStart.working')}</span>
          </div>
        )}
      </form>
    </main>
  );
}
