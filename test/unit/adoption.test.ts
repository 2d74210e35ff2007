// The suggested next adoption action: one step up at a time, through the
// target group's channels, and never pushing a client who said no.
import { describe, expect, it } from 'vitest';
import { ADOPTION_STEPS, DIGITAL_GROUPS, nextAdoptionAction } from '#core/adoption.ts';

describe('nextAdoptionAction', () => {
  it.each([
    [null, 'make_aware', 'awareness'],
    ['awareness', 'inform', 'information'],
    ['information', 'decide', 'decision'],
    ['decision', 'first_use', 'first_use'],
    ['first_use', 'regular_use', 'regular_use'],
  ] as const)('from step %s suggests %s, aiming for %s', (step, move, to) => {
    const action = nextAdoptionAction('convinced', step);
    expect(action).toMatchObject({ move, moveTo: to, code: `${move}.hands_on` });
  });

  it('at regular use pushes no further, only keeps the app relevant', () => {
    expect(nextAdoptionAction('pioneer', 'regular_use')).toMatchObject({ code: 'keep_relevant', moveTo: null });
  });

  it('fits the target group: paper in the meeting for occasional users, a link to try for pioneers', () => {
    const occasional = nextAdoptionAction('occasional', 'awareness');
    expect(occasional.code).toBe('inform.personal');
    expect(occasional.de).toMatch(/gedruckte Infoblatt/);
    expect(occasional.en).toMatch(/printed one-pager/);
    const pioneer = nextAdoptionAction('pioneer', 'awareness');
    expect(pioneer.code).toBe('inform.digital');
    expect(pioneer.en).toMatch(/link/);
    expect(nextAdoptionAction('rationalist', 'awareness').code).toBe('inform.facts');
    expect(nextAdoptionAction('curious', 'awareness').code).toBe(nextAdoptionAction('trendsetter', 'awareness').code);
    // Nothing known about the group: reached in person, which assumes nothing.
    expect(nextAdoptionAction(null, 'awareness').code).toBe('inform.personal');
  });

  it('respects a client who refuses an assistant: nothing is offered, information only on request', () => {
    for (const step of [null, ...ADOPTION_STEPS]) {
      const action = nextAdoptionAction('pioneer', step, 'refuses');
      expect(action).toMatchObject({ code: 'respect_refusal', moveTo: null });
      expect(action.en).toMatch(/only if they ask/);
    }
    expect(nextAdoptionAction('convinced', 'first_use', 'switched_off')).toMatchObject({ code: 'ask_feedback', moveTo: null });
    expect(nextAdoptionAction('convinced', 'awareness', 'installed_self').code).toBe('inform.hands_on');
  });

  it('has words in German and English for every group and step', () => {
    for (const group of [null, ...DIGITAL_GROUPS]) {
      for (const step of [null, ...ADOPTION_STEPS]) {
        const action = nextAdoptionAction(group, step);
        expect(action.de.length, `${group} ${step}`).toBeGreaterThan(20);
        expect(action.en.length, `${group} ${step}`).toBeGreaterThan(20);
        expect(action.de).not.toBe(action.en);
      }
    }
  });
});
