// The words of the suggested next adoption action, per move up the steps and
// per way of reaching the client. Kept apart from the rule (adoption.ts), so
// the wording can change without touching which action is chosen.

/** A move up one adoption step, or what to do when there is no step to push. */
export type AdoptionMove = 'make_aware' | 'inform' | 'decide' | 'first_use' | 'regular_use' | 'keep_relevant' | 'respect_refusal' | 'ask_feedback';

/**
 * How a target group is best reached: in person and on paper (occasional
 * users), with facts (rationalists), by showing it (the convinced), by a link
 * to try at once (trendsetters, the curious, pioneers).
 */
export type ChannelStyle = 'personal' | 'facts' | 'hands_on' | 'digital';

type Said = { de: string; en: string };
type StepMove = Exclude<AdoptionMove, 'keep_relevant' | 'respect_refusal' | 'ask_feedback'>;

export const STEP_TEXTS: Record<StepMove, Record<ChannelStyle, Said>> = {
  make_aware: {
    personal: { de: 'Im Gespräch die Assistenz-App kurz erwähnen und ein gedrucktes Infoblatt mitgeben.', en: 'Mention the assistant app briefly in the meeting and hand over a printed one-pager.' },
    facts: { de: 'In einem Satz sagen, was die Assistenz-App an Zeit und Papierkram spart.', en: 'Say in one sentence how much time and paperwork the assistant app saves.' },
    hands_on: { de: 'Im Gespräch zeigen, wie man mit der Assistenz-App einen Schaden meldet.', en: 'Show in the meeting how a claim is reported with the assistant app.' },
    digital: { de: 'Einen Link zur Assistenz-App schicken oder den QR-Code zeigen.', en: 'Send a link to the assistant app or show its QR code.' },
  },
  inform: {
    personal: { de: 'Das gedruckte Infoblatt zur Assistenz-App gemeinsam durchgehen und Fragen beantworten.', en: 'Go through the printed one-pager on the assistant app together and answer questions.' },
    facts: { de: 'Eine kurze Übersicht schicken: was die App kann, dass sie nichts kostet, welche Daten sie nutzt.', en: 'Send a short overview: what the app does, that it costs nothing, which data it uses.' },
    hands_on: { de: 'Die drei nützlichsten Funktionen auf dem eigenen Gerät vorführen.', en: 'Demonstrate the three most useful features on your own device.' },
    digital: { de: 'Einen Link schicken, mit dem der Kunde die App gleich selbst ausprobieren kann.', en: 'Send a link so the client can try the app out right away.' },
  },
  decide: {
    personal: { de: 'Fragen, ob der Kunde die App nutzen möchte. Er entscheidet; ein Nein ist in Ordnung.', en: 'Ask whether the client would like to use the app. It is their choice; no is fine.' },
    facts: { de: 'Nutzen und Datenfreigabe gegenüberstellen und den Kunden in Ruhe entscheiden lassen.', en: 'Set the benefit against the data shared and let the client decide in their own time.' },
    hands_on: { de: 'Anbieten, die App im nächsten Gespräch gemeinsam einzurichten.', en: 'Offer to set the app up together at the next meeting.' },
    digital: { de: 'Per Link dazu einladen, die neuesten Funktionen auszuprobieren.', en: 'Invite them by link to try the newest features.' },
  },
  first_use: {
    personal: { de: 'Die App im Gespräch gemeinsam einrichten und eine erste Sache damit erledigen.', en: 'Set the app up together in the meeting and get one first thing done with it.' },
    facts: { de: 'Eine Schritt-für-Schritt-Anleitung schicken und einen ersten nützlichen Schritt vorschlagen, etwa die Police hinterlegen.', en: 'Send step-by-step instructions and suggest one useful first step, such as storing a policy.' },
    hands_on: { de: 'Auf dem Telefon des Kunden gemeinsam einrichten, bis sein erster Vertrag darin zu sehen ist.', en: 'Set it up together on the client’s phone until their first policy shows in it.' },
    digital: { de: 'Den Einladungslink schicken; erster Erfolg: die eigenen Verträge in der App sehen.', en: 'Send the invitation link; first success: seeing their own policies in the app.' },
  },
  regular_use: {
    personal: { de: 'Nach zwei Wochen anrufen und fragen, ob alles geklappt hat.', en: 'Call after two weeks and ask whether everything worked.' },
    facts: { de: 'Nach einem Monat zeigen, was die App schon erledigt hat: Erinnerungen, Belege, Fristen.', en: 'After a month, show what the app has already taken care of: reminders, receipts, deadlines.' },
    hands_on: { de: 'Eine Funktion zeigen, die zur Lebenslage des Kunden passt, und zur regelmäßigen Nutzung anregen.', en: 'Show a feature that fits the client’s situation and encourage regular use.' },
    digital: { de: 'Auf neue Funktionen hinweisen und um Rückmeldung bitten.', en: 'Point out new features and ask for feedback.' },
  },
};

export const OTHER_TEXTS: Record<Exclude<AdoptionMove, StepMove>, Said> = {
  keep_relevant: {
    de: 'Der Kunde nutzt die App regelmäßig. Ab und zu fragen, ob sie ihm noch nützt, und Rückmeldungen weitergeben.',
    en: 'The client uses the app regularly. Now and then ask whether it still helps, and pass their feedback on.',
  },
  respect_refusal: {
    de: 'Der Kunde möchte keine Assistenz-App. Nicht wieder anbieten; nur informieren, wenn er selbst fragt.',
    en: 'The client does not want an assistant app. Do not offer it again; inform only if they ask.',
  },
  ask_feedback: {
    de: 'Der Kunde hat die App abgeschaltet. Ohne Druck fragen, was nicht gepasst hat; nur auf Wunsch wieder helfen.',
    en: 'The client switched the app off. Ask without pressure what did not suit them; help again only if they want.',
  },
};
