// The meeting's side column on a laptop screen (1280×720): the current
// question and the first offers in view without scrolling, the meeting bar on
// one line; no segment named before the answers support one; an accepted
// bundle's parts not offered again, the decision shown with an undo that
// works; and turned to the client, offer cards with nothing internal on them.
import type { Locator, Page } from '@playwright/test';
import { SEGMENT_IDS, SEGMENT_NAMES } from '#core/segments/index.ts';
import { addClient, grantConsent, startMeeting } from './support/meeting.ts';
import { expect, openApp, setUp, test } from './support/server.ts';

test.use({ viewport: { width: 1280, height: 720 } });

const NAMES = SEGMENT_IDS.flatMap((s) => [SEGMENT_NAMES[s].de, SEGMENT_NAMES[s].en]);
const RULE_SET_ID = /\b(segments|propensities|value_tiers|levers)\.v\d+\b/;

async function grantProfiling(page: Page) {
  const profiling = page.getByTestId('consent-profiling');
  await profiling.getByLabel(/Wie/).selectOption({ label: 'schriftlich' });
  await profiling.getByRole('button', { name: /Erteilen/ }).click();
  await expect(profiling).toHaveAttribute('data-granted', 'true');
}

async function answer(page: Page, attribute: string, value: string) {
  const question = page.getByTestId(`q-${attribute}`);
  await question.locator(`input[value="${value}"]`).check();
  await expect(question).toHaveAttribute('data-saved-value', new RegExp(value));
}

/** The element lies wholly inside the window. */
async function expectInView(page: Page, el: Locator) {
  const box = (await el.boundingBox())!;
  const { height } = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

async function meetingWithConsent(page: Page, workstation: Parameters<typeof openApp>[1], last: string) {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Mira', last);
  await grantProfiling(page);
  // Offers are proposed only to a client who agreed to be contacted about them.
  await grantConsent(page, 'contact');
  return startMeeting(page);
}

test('without consent to contact the meeting proposes no offer and says why; recorded there, the offers come', async ({ page, workstation }) => {
  await openApp(page, workstation);
  await setUp(page);
  await addClient(page, 'Jonas', 'Brandt');
  await grantProfiling(page);
  await startMeeting(page);
  const panel = page.getByTestId('offers-panel');
  const notice = panel.getByTestId('offers-notice');
  await expect(notice).toHaveAttribute('data-why', 'noContact');
  await expect(notice).toContainText('Keine Einwilligung zur Kontaktaufnahme: keine Angebote');
  await expect(panel.getByTestId('offer')).toHaveCount(0);
  await page.locator('.lang-switch button[lang="en"]').click();
  await expect(notice).toContainText('No consent to contact: no offers');
  await page.locator('.lang-switch button[lang="de"]').click();

  // The client agrees there and then: one click in the panel, and the offers follow.
  await notice.getByTestId('consent-contact').getByRole('button', { name: /Erteilen/ }).click();
  await expect(panel.getByTestId('offer').first()).toBeVisible();
  await expect(panel.getByTestId('offers-notice')).not.toHaveAttribute('data-why', 'noContact');
});

test('at 1280×720 the question and the first offers are in view, the bar on one line, and no segment is named before any answer', async ({ page, workstation }) => {
  await meetingWithConsent(page, workstation, 'Yilmaz');
  const hint = page.getByTestId('segment-hint');
  const panel = page.getByTestId('offers-panel');
  await expect(hint).toHaveAttribute('data-state', 'ready');
  await expect(panel.getByTestId('offer').first()).toBeVisible();

  for (const lang of ['de', 'en'] as const) {
    if (lang === 'en') await page.locator('.lang-switch button[lang="en"]').click();
    // Nothing answered: no segment, the panel says so in words and what to ask.
    await expect(hint).toHaveAttribute('data-primary', '');
    await expect(hint.getByTestId('segment-undecided')).toHaveText(lang === 'de' ? /Noch keine Antworten/ : /No answers yet/);
    const visible = await hint.innerText();
    for (const name of NAMES) expect(visible).not.toContain(name);
    expect(visible).not.toMatch(/\d+\s?%/);
    await expect(hint.getByTestId('ask-next')).toBeVisible();
    await expect(panel.getByTestId('offers-notice')).toHaveAttribute('data-why', 'undecided');

    // The first question, the first two offer cards and the whole bar, without scrolling anything.
    await expectInView(page, page.getByTestId('q-purchase_driver').locator('legend'));
    await expectInView(page, panel.getByTestId('offer').nth(0));
    await expectInView(page, panel.getByTestId('offer').nth(1));
    expect(await page.locator('.meeting-side').evaluate((el) => el.scrollTop)).toBe(0);
    const bar = (await page.locator('.meeting-bar').boundingBox())!;
    const end = (await page.getByRole('button', { name: lang === 'de' ? 'Gespräch beenden' : 'End meeting' }).boundingBox())!;
    const title = (await page.locator('.meeting-title h1').boundingBox())!;
    expect(bar.height).toBeLessThan(70);
    expect(Math.abs((end.y + end.height / 2) - (title.y + title.height / 2))).toBeLessThan(14);
  }

  // The ask-next button takes the advisor to the question that settles most.
  await page.locator('.lang-switch button[lang="de"]').click();
  const ask = await hint.getByTestId('ask-next').getAttribute('data-attribute');
  await hint.getByRole('button', { name: 'Zur Frage' }).click();
  await expect(page.getByTestId(`q-${ask}`).locator('input:focus')).toHaveCount(1);
});

test('early answers name no segment until they support one, then the same one stays', async ({ page, workstation }) => {
  await meetingWithConsent(page, workstation, 'Lorenz');
  const hint = page.getByTestId('segment-hint');
  // A client who wants a fair price for quality: two segments read that alike.
  await answer(page, 'purchase_driver', 'price_for_quality');
  await expect(hint).toHaveAttribute('data-settled', 'false');
  await expect(hint).toHaveAttribute('data-primary', '');
  await expect(hint.getByTestId('segment-undecided')).toContainText('passen zu mehreren Segmenten');
  await answer(page, 'identity_expression', 'none');
  await expect(hint).toHaveAttribute('data-primary', '');
  // Trust settles it; the next answers keep it.
  await answer(page, 'trust_anchor', 'personal_advisor');
  await expect(hint).toHaveAttribute('data-primary', 'conscious_purchase_seeker');
  await expect(hint.getByTestId('segment-primary')).toHaveText('Der bewusste Kaufinteressent');
  await expect(hint).toContainText('nach den Regeln des Herstellers');
  await answer(page, 'data_sharing', 'on_request');
  await answer(page, 'activity_level', 'high');
  await expect(hint).toHaveAttribute('data-primary', 'conscious_purchase_seeker');
  await expect(page.getByTestId('offers-panel')).toHaveAttribute('data-segment', 'conscious_purchase_seeker');
  expect(await hint.innerText()).not.toMatch(RULE_SET_ID);
});

test('an accepted bundle\'s parts are not offered again; the decision stays in view and its undo works', async ({ page, workstation }) => {
  await meetingWithConsent(page, workstation, 'Winter');
  await answer(page, 'life_events', 'family_growing');
  const panel = page.getByTestId('offers-panel');
  const offered = () => panel.getByTestId('offer').evaluateAll((els) => els.map((e) => e.getAttribute('data-offer')));
  const PARTS = ['accident_child', 'term_life', 'child_savings'];
  const bundle = panel.locator('[data-testid="offer"][data-offer="bundle_new_family"]');
  await expect(bundle).toBeVisible();
  expect((await offered()).filter((o) => PARTS.includes(o!))).not.toEqual([]);

  await bundle.getByRole('button', { name: 'Angenommen' }).click();
  const decision = panel.getByTestId('offer-decision');
  await expect(decision).toHaveCount(1);
  await expect(decision).toHaveAttribute('data-outcome', 'accepted');
  await expect(decision).toContainText('angenommen');
  await expect(decision).toContainText('Familienstart');
  await expect(bundle).toHaveCount(0);
  // Held for the rest of the meeting: no part alone, and no bundle holding one (the panel lists bundles by their parts).
  expect((await offered()).filter((o) => PARTS.includes(o!))).toEqual([]);
  for (const text of await panel.getByTestId('offer').allInnerTexts()) {
    for (const part of ['Kinderunfallversicherung', 'Risikolebensversicherung', 'Kindervorsorge']) expect(text).not.toContain(part);
  }
  await expectInView(page, decision);

  // Still so after a reload: it is saved, not remembered by the screen.
  await page.reload();
  await expect(panel.getByTestId('offer-decision')).toHaveCount(1);
  expect((await offered()).filter((o) => PARTS.includes(o!))).toEqual([]);

  // Taken back: gone from the list, and the bundle is offered again.
  await panel.getByTestId('offer-decision').getByRole('button', { name: 'Entscheidung zu Familienstart zurücknehmen' }).click();
  await expect(panel.getByTestId('offer-decision')).toHaveCount(0);
  await expect(bundle).toBeVisible();
  await page.reload();
  await expect(bundle).toBeVisible();
  await expect(panel.getByTestId('offer-decision')).toHaveCount(0);

  // A refusal with its reason is listed in words too.
  await bundle.getByRole('button', { name: 'Abgelehnt' }).click();
  await bundle.getByLabel('Grund des Kunden').selectOption({ label: 'zu teuer' });
  await bundle.getByRole('button', { name: 'Ablehnung festhalten' }).click();
  await expect(panel.getByTestId('offer-decision')).toContainText('abgelehnt Familienstart – zu teuer');
  expect(await panel.innerText()).not.toContain('bundle_new_family');
});

test('turned to the client, offer cards name no segment, no score and no rule set, in German or English', async ({ page, workstation }) => {
  await meetingWithConsent(page, workstation, 'Schneider');
  // A clear cautious self-searcher, so the advisor's cards do give segment reasons.
  await answer(page, 'purchase_driver', 'best_price');
  await answer(page, 'trust_anchor', 'self');
  await answer(page, 'life_events', 'moving');
  const panel = page.getByTestId('offers-panel');
  await expect(panel).toHaveAttribute('data-segment', 'cautious_self_searcher');
  expect(await panel.innerText()).toContain('passt zum Segment');
  await expect(panel.getByTestId('offer-score').first()).toBeVisible();

  await page.keyboard.press('F9');
  for (const lang of ['de', 'en'] as const) {
    if (lang === 'en') await page.locator('.lang-switch button[lang="en"]').click();
    await expect(panel.getByTestId('offer').first()).toBeVisible();
    await expect(panel.getByTestId('offer-score')).toHaveCount(0);
    await expect(panel.getByTestId('offer-breakdown')).toHaveCount(0);
    const cards = await panel.getByTestId('offer').allInnerTexts();
    expect(cards.length).toBeGreaterThan(3);
    for (const text of cards) {
      for (const name of NAMES) expect(text).not.toContain(name);
      expect(text).not.toMatch(/segment|Wertung|Punkte|score|Erfahrungswert|gelernt|learned|track record/i);
      expect(text).not.toMatch(RULE_SET_ID);
    }
    // Nor anywhere else on the screen the client sees.
    const screen = await page.locator('main').innerText();
    for (const name of NAMES) expect(screen).not.toContain(name);
    expect(screen).not.toMatch(RULE_SET_ID);
  }
});
