// The conclusion an alert draws, in words: "Weber zieht wahrscheinlich um" /
// "Weber is probably moving". Stored alerts keep only the event code; each
// device says it in its user's language when it shows the alert. Every
// sentence says "probably": the assistant saw signs, the client has not said so.
import type { LifeEvent } from '../profile.ts';
import type { Language } from '../segments/index.ts';

// The name stands where German needs no case ending and English no possessive:
// "Weber" may be "Klaus" or "Anna Weiß", and "Klaus’ Familie" is easy to get wrong.
const CONCLUSIONS: Record<LifeEvent, Record<Language, (name: string) => string>> = {
  income_rising: { de: (n) => `${n} verdient wahrscheinlich mehr als bisher`, en: (n) => `${n} is probably earning more than before` },
  time_scarce: { de: (n) => `${n} hat wahrscheinlich gerade wenig Zeit`, en: (n) => `${n} is probably short of time at the moment` },
  family_growing: { de: (n) => `Bei ${n} wächst wahrscheinlich die Familie`, en: (n) => `${n} probably has a growing family` },
  moving: { de: (n) => `${n} zieht wahrscheinlich um`, en: (n) => `${n} is probably moving` },
  new_car: { de: (n) => `${n} bekommt wahrscheinlich ein neues Auto`, en: (n) => `${n} is probably getting a new car` },
  new_home: { de: (n) => `${n} hat wahrscheinlich ein neues Zuhause`, en: (n) => `${n} probably has a new home` },
  retirement_near: { de: (n) => `${n} geht wahrscheinlich bald in den Ruhestand`, en: (n) => `${n} is probably retiring soon` },
  travel_planned: { de: (n) => `${n} plant wahrscheinlich eine Reise`, en: (n) => `${n} is probably planning a trip` },
  new_job: { de: (n) => `${n} fängt wahrscheinlich eine neue Stelle an`, en: (n) => `${n} is probably starting a new job` },
  child_starts_school: { de: (n) => `Bei ${n} kommt wahrscheinlich ein Kind in die Schule`, en: (n) => `${n} probably has a child starting school` },
};

/** The alert's conclusion about the client, in `lang`. */
export function alertConclusion(event: LifeEvent, clientName: string, lang: Language): string {
  return CONCLUSIONS[event][lang](clientName.trim());
}
