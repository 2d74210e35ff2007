// English texts for handing a client to a life coach (share-de.ts has the same keys).
import type { shareDe, shareErrorsDe, shareSyncDe } from './share-de.ts';

export const shareEn: typeof shareDe = {
  title: 'Access',
  owner: 'Owner',
  ownerYou: 'You',
  ownerOther: 'another advisor',
  sharedWith: 'Shared with',
  sharedNone: 'Not shared with anyone.',
  coach: 'Life coach',
  explain: 'A life coach you share the client with receives them at their next sync, with everything recorded about them, and works with them as you do.',
  share: 'Share with a coach',
  choose: 'Life coach',
  choosePlaceholder: 'Please choose …',
  shareDo: 'Share',
  chooseFirst: 'Choose a life coach first.',
  shared: '{{name}} receives the client at their next sync.',
  unshare: 'Stop sharing',
  unshareTitle: 'Stop sharing with {{name}}?',
  unshareExplain: '{{name}} no longer sees this client after their next sync. Anything not yet sent from the coach’s devices is dropped.',
  unshared: 'Stopped sharing with {{name}}.',
  directory: 'Directory of life coaches as of {{when}}',
  directoryNever: 'The directory of life coaches arrives with the first sync. Sync once, then you can choose here.',
  directoryEmpty: 'The manufacturer lists no life coach you could share with.',
  notEnrolled: 'You can share once this device is connected to the manufacturer (under Sync).',
  ownerDecides: 'The client’s own advisor decides whom the client is shared with.',
};

export const shareErrorsEn: typeof shareErrorsDe = {
  not_a_coach: 'This person is not a life coach. A client is shared only with a life coach – please choose one from the directory.',
  share_with_self: 'You are this client’s advisor and always have access. Please choose a life coach to share them with.',
};

export const shareSyncEn: typeof shareSyncDe = {
  mutation: {
    'client.share': 'Client shared with a life coach',
    'client.unshare': 'Stopped sharing with a life coach',
  },
  reason: {
    not_a_coach: 'The manufacturer does not list this person as a life coach (any more), so the client was not shared. Sync, then choose a life coach from the current directory.',
    share_with_self: 'You are this client’s advisor and always have access; nothing was changed.',
  },
};
