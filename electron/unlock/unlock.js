// @ts-check
// The unlock page. Main passes the language and whether this is the first
// start (a new passphrase is chosen) in the query string; the passphrase goes
// to main through the one function the unlock preload exposes.

/** @typedef {{ ok: true } | { ok: false, error: string }} UnlockResult */
/** @typedef {{ unlock(passphrase: string): Promise<UnlockResult> }} UnlockApi */

const TEXTS = {
  de: {
    title: 'Advisor Workstation entsperren',
    setupTitle: 'Passphrase festlegen',
    intro: 'Ihre Daten sind verschlüsselt. Geben Sie Ihre Passphrase ein.',
    setupIntro: 'Dieses System hat keinen Schlüsselbund. Ihre Daten werden deshalb mit einer Passphrase verschlüsselt, '
      + 'die Sie bei jedem Start eingeben. Wählen Sie mindestens 12 Zeichen. Ohne Passphrase sind die Daten verloren: '
      + 'bewahren Sie sie sicher auf.',
    passphrase: 'Passphrase',
    repeat: 'Passphrase wiederholen',
    unlock: 'Entsperren',
    setup: 'Festlegen und starten',
    working: 'Wird geprüft …',
    empty: 'Bitte geben Sie die Passphrase ein.',
    mismatch: 'Die beiden Eingaben stimmen nicht überein.',
    unavailable: 'Das Entsperren ist in diesem Fenster nicht verfügbar. Bitte starten Sie die App neu.',
  },
  en: {
    title: 'Unlock Advisor Workstation',
    setupTitle: 'Choose a passphrase',
    intro: 'Your data is encrypted. Enter your passphrase.',
    setupIntro: 'This system has no keyring, so your data is encrypted with a passphrase that you enter at every start. '
      + 'Use at least 12 characters. Without the passphrase the data is lost: keep it safe.',
    passphrase: 'Passphrase',
    repeat: 'Repeat passphrase',
    unlock: 'Unlock',
    setup: 'Set and start',
    working: 'Checking …',
    empty: 'Please enter the passphrase.',
    mismatch: 'The two entries do not match.',
    unavailable: 'Unlocking is not available in this window. Please restart the app.',
  },
};

/** @param {string} id */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing element #${id}`);
  return element;
}

function start() {
  const params = new URLSearchParams(window.location.search);
  const language = params.get('lang') === 'en' ? 'en' : 'de';
  const setup = params.get('setup') === '1';
  const t = TEXTS[language];
  /** @type {UnlockApi | undefined} */
  const api = /** @type {{ workstationUnlock?: UnlockApi }} */ (/** @type {unknown} */ (window)).workstationUnlock;

  const form = /** @type {HTMLFormElement} */ (byId('form'));
  const passphrase = /** @type {HTMLInputElement} */ (byId('passphrase'));
  const repeat = /** @type {HTMLInputElement} */ (byId('repeat'));
  const submit = /** @type {HTMLButtonElement} */ (byId('submit'));
  const message = byId('message');

  document.documentElement.lang = language;
  document.title = setup ? t.setupTitle : t.title;
  byId('title').textContent = setup ? t.setupTitle : t.title;
  byId('intro').textContent = setup ? t.setupIntro : t.intro;
  byId('passphrase-label').textContent = t.passphrase;
  byId('repeat-label').textContent = t.repeat;
  byId('repeat-row').hidden = !setup;
  submit.textContent = setup ? t.setup : t.unlock;
  if (setup) passphrase.autocomplete = 'new-password';

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!api) {
      message.textContent = t.unavailable;
      return;
    }
    if (passphrase.value === '') {
      message.textContent = t.empty;
      passphrase.focus();
      return;
    }
    if (setup && passphrase.value !== repeat.value) {
      message.textContent = t.mismatch;
      repeat.focus();
      return;
    }
    submit.disabled = true;
    message.textContent = t.working;
    api.unlock(passphrase.value).then((result) => {
      // On success main closes this window.
      if (result.ok) return;
      message.textContent = result.error;
      submit.disabled = false;
      passphrase.select();
      passphrase.focus();
    }, (/** @type {unknown} */ error) => {
      message.textContent = error instanceof Error ? error.message : String(error);
      submit.disabled = false;
    });
  });
}

start();
