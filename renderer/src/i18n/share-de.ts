// German texts for handing a client to a life coach: the client page's
// "Zugriff" section, its refusals, and how sync names the two changes.
// share-en.ts has the same keys.
export const shareDe = {
  title: 'Zugriff',
  owner: 'Zuständig',
  ownerYou: 'Sie',
  ownerOther: 'ein anderer Berater',
  sharedWith: 'Geteilt mit',
  sharedNone: 'Mit niemandem geteilt.',
  coach: 'Life-Coach',
  explain: 'Ein Life-Coach, mit dem Sie den Kunden teilen, erhält ihn beim nächsten Abgleich mit allem, was zu ihm festgehalten ist, und arbeitet mit ihm wie Sie.',
  share: 'Mit Coach teilen',
  choose: 'Life-Coach',
  choosePlaceholder: 'Bitte wählen …',
  shareDo: 'Teilen',
  chooseFirst: 'Bitte zuerst einen Life-Coach wählen.',
  shared: '{{name}} erhält den Kunden beim nächsten Abgleich.',
  unshare: 'Freigabe entziehen',
  unshareTitle: 'Freigabe für {{name}} entziehen?',
  unshareExplain: '{{name}} sieht diesen Kunden nach dem nächsten Abgleich nicht mehr. Was auf den Geräten des Coaches noch nicht übertragen ist, verfällt.',
  unshared: 'Freigabe für {{name}} entzogen.',
  directory: 'Verzeichnis der Life-Coaches vom {{when}}',
  directoryNever: 'Das Verzeichnis der Life-Coaches kommt mit dem ersten Abgleich. Synchronisieren Sie einmal, dann können Sie hier wählen.',
  directoryEmpty: 'Beim Hersteller ist kein Life-Coach eingetragen, mit dem Sie teilen könnten.',
  notEnrolled: 'Teilen können Sie, sobald dieses Gerät mit dem Hersteller verbunden ist (unter Abgleich).',
  ownerDecides: 'Mit wem der Kunde geteilt ist, bestimmt der zuständige Berater.',
};

/** Refusals of a share, as the client page and the sync screen say them. */
export const shareErrorsDe = {
  not_a_coach: 'Diese Person ist kein Life-Coach. Geteilt wird ein Kunde nur mit einem Life-Coach – bitte einen aus dem Verzeichnis wählen.',
  share_with_self: 'Sie sind für diesen Kunden zuständig und haben immer Zugriff. Bitte einen Life-Coach wählen, mit dem Sie ihn teilen möchten.',
};

export const shareSyncDe = {
  mutation: {
    'client.share': 'Kunde mit Life-Coach geteilt',
    'client.unshare': 'Freigabe für Life-Coach entzogen',
  },
  reason: {
    not_a_coach: 'Die Person ist beim Hersteller kein Life-Coach (mehr), daher wurde der Kunde nicht geteilt. Synchronisieren Sie und wählen Sie einen Life-Coach aus dem aktuellen Verzeichnis.',
    share_with_self: 'Sie sind für diesen Kunden zuständig und haben immer Zugriff; es wurde nichts geändert.',
  },
};
