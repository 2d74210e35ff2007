// `npm run --silent alerts -- FILE [--lang en|de] [--catalog PATH]`: decides
// every case's assistant signals by the alert rules and prints one JSON array,
// one element per case in input order (shared/domain/coach.md, "The alerts command").
// Exit 0: all decided; 1: some cases refused (their elements say why); 2: a file or an option is unusable.
import { ALERT_RULES_V1 } from '#core/coach/alert-rules.ts';
import { validateAlertCase, type AlertCase } from '#core/coach/input.ts';
import { alertArgument, alertConclusion, decideSignals, isUrgent, type NewAlert } from '#core/coach/signals.ts';
import { berlinDay } from '#core/dates.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import type { Language } from '#core/segments/index.ts';
import { DEFAULT_CATALOGUE, readCases, readCatalogue } from './offers-read.ts';
import { answerCases, commandArgs, langOption, runCommand, type Answer } from './cases.ts';

const USAGE = 'usage: npm run --silent alerts -- FILE [--lang en|de] [--catalog PATH]';

/** One alert in coach.md's shape, its words in `lang`. */
function shown(alert: NewAlert, c: AlertCase, catalogue: CatalogueDocument, lang: Language) {
  const first = alert.offers[0];
  return {
    signal: alert.signal,
    event: alert.event,
    urgent: isUrgent(alert.signals.map((s) => s.event_date), berlinDay(Date.parse(c.now)), ALERT_RULES_V1),
    reaction: alert.reaction,
    offers: alert.offers,
    evidence: alert.signals.map((s) => s.evidence),
    // Nothing to offer for the event, nothing to argue for.
    argument: first ? alertArgument({ event: alert.event, offer: first, client: c.client, catalogue }, lang) : null,
    conclusion: alertConclusion(alert.event, c.client.name, lang),
  };
}

function element(input: unknown, catalogue: CatalogueDocument, lang: Language): Answer {
  const check = validateAlertCase(input, catalogue);
  if (!check.ok) return { ok: false, element: { id: check.id, error: check.message } };
  const c = check.case;
  const decided = decideSignals({ now: c.now, signals: c.signals, client: c.client, rules: ALERT_RULES_V1, catalogue });
  return { ok: true, element: { id: c.id, alerts: decided.alerts.map((a) => shown(a, c, catalogue, lang)), dropped: decided.dropped } };
}

async function main(argv: string[]): Promise<number> {
  const { file, values } = commandArgs(argv, USAGE, { catalog: { type: 'string', default: DEFAULT_CATALOGUE }, lang: { type: 'string', default: 'en' } });
  const lang = langOption(values.lang);
  const catalogue = await readCatalogue(values.catalog);
  const cases = await readCases(file, '{"id": "k1", "now": "2027-03-01T09:00:00Z", "signals": [], "client": {"name": "Weber"}}');
  return answerCases(cases, (input) => element(input, catalogue, lang));
}

await runCommand('alerts', main);
