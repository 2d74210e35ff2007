// What the desktop shell itself says to the user (dialogs, unlock errors).
// German first; English where the system language is not German.
import type { KeyStoreErrorReason } from './keystore.ts';

import type { Language } from '#core/language.ts';

export type { Language };

export function pickLanguage(locale: string): Language {
  return /^de(?:$|[-_])/i.test(locale) ? 'de' : 'en';
}

export interface ShellTexts {
  appTitle: string;
  unlockTitle: string;
  startFailedTitle: string;
  wrongPassphrase: string;
  passphraseTooShort(min: number): string;
  passphraseTooLong(max: number): string;
  busy: string;
  unlockFailed(detail: string): string;
  storedKeyDoesNotFit: string;
  notEncrypted: string;
  openFailed(detail: string): string;
  keyStore: Record<KeyStoreErrorReason, string>;
  update: {
    title: string;
    ready(version: string): string;
    required(version: string): string;
    noNotes: string;
    restartNow: string;
    later: string;
  };
}

const de: ShellTexts = {
  appTitle: 'Advisor Workstation',
  unlockTitle: 'Advisor Workstation entsperren',
  startFailedTitle: 'Advisor Workstation kann nicht starten',
  wrongPassphrase: 'Die Passphrase passt nicht zu diesem Datenbestand. Es wurde nichts verändert. Bitte prüfen Sie die Eingabe und versuchen Sie es erneut.',
  passphraseTooShort: (min) => `Die Passphrase muss mindestens ${min} Zeichen lang sein.`,
  passphraseTooLong: (max) => `Die Passphrase darf höchstens ${max} Zeichen lang sein.`,
  busy: 'Einen Moment bitte: die Passphrase wird noch geprüft.',
  unlockFailed: (detail) => `Entsperren fehlgeschlagen. Es wurde nichts verändert. Details: ${detail}`,
  storedKeyDoesNotFit:
    'Der Datenbestand lässt sich mit dem gespeicherten Schlüssel nicht öffnen: der Schlüssel passt nicht oder die Datei ist beschädigt. '
    + 'Es wurde nichts verändert. Stellen Sie Datenbestand und Schlüsseldatei aus Ihrer Sicherung wieder her.',
  notEncrypted:
    'Die Datenbankdatei ist nicht verschlüsselt und wurde deshalb nicht geöffnet. Es wurde nichts verändert. '
    + 'Verschieben Sie die Datei, um einen neuen verschlüsselten Datenbestand anzulegen.',
  openFailed: (detail) => `Der Datenbestand konnte nicht geöffnet werden. Details: ${detail}`,
  keyStore: {
    keyring_unavailable:
      'Der Schlüssel dieses Datenbestands liegt im Schlüsselbund des Systems, der gerade nicht verfügbar ist. '
      + 'Es wurde nichts verändert. Entsperren Sie den Schlüsselbund und starten Sie die App erneut.',
    key_unreadable:
      'Die Schlüsseldatei lässt sich mit dem Schlüsselbund dieses Benutzers nicht entschlüsseln. Es wurde nichts verändert. '
      + 'Starten Sie die App als der Benutzer, der den Datenbestand angelegt hat, oder stellen Sie die Schlüsseldatei aus Ihrer Sicherung wieder her.',
    key_missing:
      'Die Schlüsseldatei fehlt, daher kann der vorhandene Datenbestand nicht geöffnet werden. Es wurde nichts verändert. '
      + 'Stellen Sie die Schlüsseldatei aus Ihrer Sicherung wieder her.',
    kdf_missing:
      'Die Datei mit den Einstellungen zur Schlüsselableitung fehlt. Es wurde nichts verändert. Stellen Sie sie aus Ihrer Sicherung wieder her.',
    kdf_invalid:
      'Die Datei mit den Einstellungen zur Schlüsselableitung ist ungültig. Es wurde nichts verändert. Stellen Sie sie aus Ihrer Sicherung wieder her.',
    passphrase_invalid: 'Die Passphrase ist ungültig.',
  },
  update: {
    title: 'Aktualisierung bereit',
    ready: (version) => `Version ${version} ist geladen und geprüft. Die App startet dafür neu; Ihre Daten bleiben, wie sie sind.`,
    required: (version) => `Version ${version} ist geladen und geprüft. Der Hersteller setzt sie voraus: Bitte starten Sie bald neu; spätestens beim nächsten Beenden wird sie installiert.`,
    noNotes: 'Zu dieser Version liegen keine Hinweise vor.',
    restartNow: 'Jetzt neu starten',
    later: 'Später (beim Beenden)',
  },
};

const en: ShellTexts = {
  appTitle: 'Advisor Workstation',
  unlockTitle: 'Unlock Advisor Workstation',
  startFailedTitle: 'Advisor Workstation cannot start',
  wrongPassphrase: 'The passphrase does not fit this book. Nothing was changed. Check what you typed and try again.',
  passphraseTooShort: (min) => `The passphrase must be at least ${min} characters long.`,
  passphraseTooLong: (max) => `The passphrase must be at most ${max} characters long.`,
  busy: 'One moment please: the passphrase is still being checked.',
  unlockFailed: (detail) => `Unlocking failed. Nothing was changed. Details: ${detail}`,
  storedKeyDoesNotFit:
    'The book cannot be opened with the stored key: the key does not fit or the file is damaged. '
    + 'Nothing was changed. Restore the book and its key file from your backup.',
  notEncrypted:
    'The database file is not encrypted, so it was not opened. Nothing was changed. Move the file away to start a new encrypted book.',
  openFailed: (detail) => `The book could not be opened. Details: ${detail}`,
  keyStore: {
    keyring_unavailable:
      'The key of this book is kept in the system keyring, which is not available now. Nothing was changed. Unlock the keyring and start the app again.',
    key_unreadable:
      'The key file cannot be unwrapped with this user\'s keyring. Nothing was changed. '
      + 'Start the app as the user who created the book, or restore the key file from your backup.',
    key_missing:
      'The key file is missing, so the existing book cannot be opened. Nothing was changed. Restore the key file from your backup.',
    kdf_missing:
      'The file with the key derivation settings is missing. Nothing was changed. Restore it from your backup.',
    kdf_invalid:
      'The file with the key derivation settings is not valid. Nothing was changed. Restore it from your backup.',
    passphrase_invalid: 'The passphrase is not valid.',
  },
  update: {
    title: 'Update ready',
    ready: (version) => `Version ${version} is downloaded and checked. The app restarts for it; your data stays as it is.`,
    required: (version) => `Version ${version} is downloaded and checked. The manufacturer requires it: please restart soon; it is installed when you next quit at the latest.`,
    noNotes: 'No notes came with this version.',
    restartNow: 'Restart now',
    later: 'Later (when quitting)',
  },
};

export function shellTexts(language: Language): ShellTexts {
  return language === 'de' ? de : en;
}
