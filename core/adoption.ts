// Digital target groups and the five steps of adopting the assistant app
// (other-models.md): what the client can be reached on, and how far they are.
export const DIGITAL_GROUPS = ['occasional', 'rationalist', 'convinced', 'trendsetter', 'curious', 'pioneer'] as const;
export type DigitalGroup = (typeof DIGITAL_GROUPS)[number];
export const ADOPTION_STEPS = ['awareness', 'information', 'decision', 'first_use', 'regular_use'] as const;
export type AdoptionStep = (typeof ADOPTION_STEPS)[number];
