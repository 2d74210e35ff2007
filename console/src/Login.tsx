// The manufacturer's person signs in with their own login; a device token
// opens nothing here. The server keeps the session in an HttpOnly cookie.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from './api.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Login({ why, onSignedIn }: { why: 'expired' | 'signedOut' | null; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!user.trim() || !password) { setError(t('login.missing')); return; }
    setBusy(true);
    setError(null);
    const result = await signIn(user.trim(), password);
    setBusy(false);
    if (result.ok) { onSignedIn(); return; }
    if (result.reason === 'rate_limited') setError(t('login.rateLimited', { count: Math.ceil(result.retryAfterSeconds / 60) }));
    else setError(t(result.reason === 'wrong' ? 'login.wrong' : `errors.${result.reason}`));
    // The user name was probably right; the password is what gets typed again.
    setPassword('');
    passwordField.current?.focus();
  };

  return (
    <main className="first-start">
      <form className="card setup-card" onSubmit={submit} noValidate aria-labelledby="login-title" data-testid="login">
        <div className="login-head">
          <h1 id="login-title">{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <h2>{t('login.title')}</h2>
        <p className="muted">{t('login.intro')}</p>
        {why && !error && <p className="notice" role="status">{t(`login.${why}`)}</p>}
        <div className="field">
          <label htmlFor="login-user">{t('login.user')}</label>
          <input id="login-user" name="username" autoComplete="username" autoFocus value={user} onChange={(e) => setUser(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input id="login-password" ref={passwordField} type="password" name="password" autoComplete="current-password"
            value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined} />
        </div>
        {error && <p id="login-error" className="form-error" role="alert" data-testid="login-error">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('login.busy') : t('login.submit')}</button>
        </div>
      </form>
    </main>
  );
}
