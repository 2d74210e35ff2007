// The advice record as the app makes it: built from what the meeting
// captured, as a new version chained to the one before. A version is never
// changed; a correction is the next version (core/advice.ts).
import { adviceClient, canonicalJson, versionHash, type AdviceContent } from '#core/advice.ts';
import { DomainError } from '#core/errors.ts';
import { clientReasons } from '#core/offers/reasons.ts';
import { adviceSources, adviceVersions } from '#db/advice.ts';
import type { Store } from '#db/store.ts';
import type { Language } from '#core/language.ts';

export function buildAdviceContent(store: Store, meetingId: string, language: Language, offerName: (id: string, lang: Language) => string): AdviceContent {
  const src = adviceSources(store.db, meetingId);
  if (!src) throw new DomainError([{ field: 'meeting', code: 'not_found' }]);
  const { meeting, client, offers, advisor } = src;
  return {
    language,
    client: adviceClient(client),
    advisor,
    meeting: { id: meeting.id, startedAt: meeting.startedAt, endedAt: meeting.endedAt },
    reason: meeting.reason, wishes: meeting.wishes, riskSituation: meeting.riskSituation,
    offers: offers.map((o) => ({
      offer: o.offerId, name: offerName(o.offerId, language), outcome: o.outcome as AdviceContent['offers'][number]['outcome'],
      reasonCode: (o.reasonCode ?? null) as AdviceContent['offers'][number]['reasonCode'], note: o.note,
      // The record is the client's: only reasons a client may read, in the record's language.
      reasons: clientReasons(o.reasons, language, offerName).slice(0, 10),
    })),
    advice: meeting.advice, decision: meeting.decision,
  };
}

/**
 * Makes the next version if the content differs from the newest one (nothing
 * new is nothing to sign). Returns the version number in force.
 */
export function makeAdviceVersion(store: Store, meetingId: string, content: AdviceContent): number {
  const versions = adviceVersions(store.db, meetingId);
  const latest = versions.at(-1);
  if (latest && canonicalJson(latest.content) === canonicalJson(content)) return latest.recordVersion;
  const next = { meetingId, recordVersion: (latest?.recordVersion ?? 0) + 1, previousHash: latest?.contentHash ?? null, content };
  store.mutate('advice.create', { ...next, contentHash: versionHash(next) });
  return next.recordVersion;
}
