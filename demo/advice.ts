// The advice records of the demo book's ended meetings, as the app would have
// made them: each meeting gets the advice given and the client's decision,
// and version 1 of its record, hash-chained and mostly handed over soon after.
// Drawn from its own random stream (seed + 2), so every row generate.ts and
// holdings.ts build stays exactly as it was.
import { adviceClient, adviceContent, adviceId, DELIVERY_CHANNELS, versionHash, type AdviceContent } from '#core/advice.ts';
import { MEETING_ADVICE, MEETING_DECISIONS, MEETING_RISKS, MEETING_WISHES } from './phrases.ts';
import { createRandom, Weighted } from './random.ts';
import type { AdviceRow, ClientRow, MeetingRow } from './book.ts';
import { demoHlc } from './time.ts';


const MINUTE = 60_000;
const CHANNELS = new Weighted<(typeof DELIVERY_CHANNELS)[number]>([['handed_over', 50], ['email', 35], ['printed', 10], ['post', 5]], 100);
/** Share of records never handed over (the client left before it was printed, say). */
const UNDELIVERED = 0.04;

export interface DemoAdviceOptions {
  seed: number;
  /** The advisor named in the records: the person who set the workstation up. */
  advisorName: string;
  ownerId: string;
}

/** Fills in what the records need on each ended meeting (in place) and returns version 1 of each record. */
export function demoAdviceRecords(book: { clients: readonly ClientRow[]; meetings: MeetingRow[] }, options: DemoAdviceOptions): AdviceRow[] {
  const rng = createRandom(options.seed + 2);
  const clients = new Map(book.clients.map((c) => [c.id, c]));
  const rows: AdviceRow[] = [];
  for (const m of book.meetings) {
    if (m.endedAt === null) continue;
    const client = clients.get(m.clientId);
    if (!client) continue;
    // A record asks for wishes and the risk situation; the older demo meetings left some out.
    m.wishes ??= rng.pick(MEETING_WISHES);
    m.riskSituation ??= rng.pick(Object.values(MEETING_RISKS).flat());
    m.advice = rng.pick(MEETING_ADVICE);
    m.decision = rng.pick(MEETING_DECISIONS);
    const content: AdviceContent = adviceContent.parse({
      language: 'de',
      client: adviceClient(client),
      advisor: options.advisorName,
      meeting: { id: m.id, startedAt: m.startedAt, endedAt: m.endedAt },
      reason: m.reason, wishes: m.wishes, riskSituation: m.riskSituation,
      offers: [],
      advice: m.advice, decision: m.decision,
    });
    const delivered = !rng.chance(UNDELIVERED);
    const deliveredAt = delivered ? m.endedAt + rng.int(1, 30) * MINUTE : null;
    const at = deliveredAt ?? m.endedAt;
    rows.push({
      id: adviceId(m.id, 1), version: 1, updatedAt: at, hlc: demoHlc(at), stamps: null, deletedAt: null,
      meetingId: m.id, clientId: m.clientId, recordVersion: 1, content,
      contentHash: versionHash({ meetingId: m.id, recordVersion: 1, previousHash: null, content }),
      previousHash: null, deliveredAt, deliveryChannel: delivered ? CHANNELS.draw(rng) : null,
      createdAt: m.endedAt, createdBy: options.ownerId,
    });
  }
  return rows;
}
