// Settings: the language, who works here and in which roles, the connection
// to the manufacturer, advice records kept after erasure, where the data
// lives, the version, the shortcuts.
// Roles change here only while the device is not enrolled: once it is, the
// manufacturer's backend holds them and there is no way to change them from a
// device, so the screen says where they are changed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '#core/roles.ts';
import type { AboutView, UserView } from '#contract/views.ts';
import { RestrictedRecords } from '../components/RestrictedRecords.tsx';
import { RolesField } from '../components/RolesField.tsx';
import { showShortcuts } from '../components/ShortcutHelp.tsx';
import { applyLanguage, LANGUAGES, type Language } from '../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { paths } from '../hooks/useRoute.ts';
import { errorMessage, problemMessage, problemsByField, problemsOf } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

const LANGUAGE_NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function SettingsScreen() {
  const { t } = useTranslation();
  const status = useQuery(orpc.session.status.queryOptions());
  const about = useQuery(orpc.session.about.queryOptions());
  const user = status.data?.user;
  const error = status.error ?? about.error;
  return (
    <main id="main" className="screen narrow settings">
      <h1>{t('settings.title')}</h1>
      {error && <p className="form-error" role="alert">{errorMessage(t, error)}</p>}
      <LanguageCard />
      {user && about.data && <RolesCard user={user} about={about.data} />}
      <ConnectionCard />
      <RestrictedRecords />
      {about.data && <AboutCard about={about.data} />}
      <section className="card" aria-labelledby="settings-shortcuts">
        <h2 id="settings-shortcuts">{t('settings.shortcuts')}</h2>
        <p className="small">{t('settings.shortcutsHint')}</p>
        <button type="button" className="btn" onClick={showShortcuts}>{t('settings.shortcutsOpen')} <kbd>?</kbd></button>
      </section>
    </main>
  );
}

function LanguageCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const setLocale = useMutation({
    mutationFn: (locale: Language) => client.session.setLocale({ locale }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orpc.session.key() }),
  });
  const choose = (next: Language) => {
    applyLanguage(next);
    setLocale.mutate(next);
  };
  return (
    <section className="card" aria-labelledby="settings-language">
      <fieldset className="field">
        <legend id="settings-language"><h2>{t('settings.language')}</h2></legend>
        <div className="choice-row">
          {LANGUAGES.map((l) => (
            <label key={l} className="check" lang={l}>
              <input type="radio" name="settings-language" checked={lang === l} onChange={() => choose(l)} />
              {LANGUAGE_NAMES[l]}
            </label>
          ))}
        </div>
        <p className="hint">{t('settings.languageHint')}</p>
      </fieldset>
      {setLocale.isError && <p className="form-error" role="alert">{errorMessage(t, setLocale.error)}</p>}
    </section>
  );
}

function RolesCard({ user, about }: { user: UserView; about: AboutView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => client.session.setRoles({ roles }),
    onSuccess: async () => { setSaved(true); await queryClient.invalidateQueries({ queryKey: orpc.session.key() }); },
  });
  const problems = problemsByField(problemsOf(save.error) ?? []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const held = about.manufacturerRoles ?? user.roles;
  return (
    <section className="card" aria-labelledby="settings-you" data-testid="settings-roles" data-set-by={about.rolesSetBy}>
      <h2 id="settings-you">{t('settings.you')}</h2>
      <p>{t('settings.name', { name: user.displayName })}</p>
      {about.rolesSetBy === 'manufacturer' ? (
        <>
          <h3 className="form-section">{t('settings.roles')}</h3>
          <ul className="plain-list">{held.map((r) => <li key={r}>{t(`roles.${r}`, { defaultValue: r })}</li>)}</ul>
          <p className="small muted">{t('settings.rolesByManufacturer')}</p>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <RolesField
            legend={t('settings.roles')}
            hint={t('settings.rolesHint')}
            roles={roles}
            onChange={(next) => { setSaved(false); setRoles(next); }}
            error={problems.roles && problemMessage(t, problems.roles)}
          />
          <div className="row-actions">
            <button type="submit" className="btn" disabled={save.isPending}>{t('settings.rolesSave')}</button>
            {saved && <span className="muted small" role="status">{t('settings.rolesSaved')}</span>}
          </div>
          {save.isError && !problemsOf(save.error) && <p className="form-error" role="alert">{errorMessage(t, save.error)}</p>}
        </form>
      )}
    </section>
  );
}

function ConnectionCard() {
  const { t } = useTranslation();
  const sync = useQuery({ ...orpc.sync.status.queryOptions(), refetchInterval: 5_000 });
  const s = sync.data;
  return (
    <section className="card" aria-labelledby="settings-connection" data-testid="settings-connection" data-phase={s?.phase}>
      <h2 id="settings-connection">{t('settings.connection')}</h2>
      {s && (
        <>
          <p><strong>{t(`sync.phase.${s.phase}`)}</strong> – {t(`sync.explain.${s.phase}`)}</p>
          {s.backendUrl && <p className="small muted">{t('settings.connectionTo', { url: s.backendUrl })}</p>}
        </>
      )}
      <a className="btn" href={paths.sync()}>{t('settings.toSync')}</a>
    </section>
  );
}

function AboutCard({ about }: { about: AboutView }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="settings-data" data-testid="settings-data">
        <h2 id="settings-data">{t('settings.data')}</h2>
        <p><code className="path">{about.dataDir ?? t('settings.dataUnknown')}</code></p>
        <p className="small muted">{t('settings.dataHint')}{about.mode === 'browser' ? ` ${t('settings.dataBrowser')}` : ''}</p>
      </section>
      <section className="card" aria-labelledby="settings-version" data-testid="settings-version">
        <h2 id="settings-version">{t('settings.version')}</h2>
        <p>{t('settings.versionLine', { version: about.version })} · {t(`settings.mode.${about.mode}`)}</p>
      </section>
    </>
  );
}
