// English texts of the settings screen.
import type { settingsDe } from './settings-de.ts';

export const settingsEn: typeof settingsDe = {
  title: 'Settings',
  open: 'Settings',
  language: 'Language',
  languageHint: 'Applies to this workstation. The advice record can be made in German or English regardless.',
  you: 'You and your roles',
  name: 'Signed in as {{name}}',
  roles: 'Your roles',
  rolesHint: 'Choose one or more. They apply on this device as long as it is not connected to the manufacturer.',
  rolesSave: 'Save roles',
  rolesSaved: 'Roles saved.',
  rolesByManufacturer: 'This device is connected to the manufacturer, so your administrator sets your roles there. Ask your administrator for any change; it applies here from the next sync.',
  connection: 'Connection to the manufacturer',
  connectionTo: 'Connected to {{url}}',
  toSync: 'Go to sync',
  data: 'Data folder',
  dataHint: 'The encrypted client book and everything else saved on this device are kept here.',
  dataBrowser: 'In browser mode the key is in this folder too: whoever can read it can open the book.',
  dataUnknown: 'unknown',
  version: 'Version',
  versionLine: 'Advisor Workstation {{version}}',
  mode: { desktop: 'desktop app', browser: 'browser mode' },
  shortcuts: 'Keyboard shortcuts',
  shortcutsHint: 'The ? key shows the overview anywhere, except while typing in a field.',
  shortcutsOpen: 'Open the overview',
};
