// The shape of a demo book: rows as the tables in db/schema.ts hold them. Its
// own module so that the parts that fill it (holdings, advice, mandates,
// conclusions) and the generator that puts them together need not import each
// other.
import type { SegmentId } from '#core/segments/ids.ts';
import type {
  adviceRecords, answers, clients, conclusions, consents, holdings, mandates, meetings, tasks, touchpoints,
} from '#db/schema.ts';

export type ClientRow = typeof clients.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type TouchpointRow = typeof touchpoints.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type HoldingRow = typeof holdings.$inferSelect;
export type AdviceRow = typeof adviceRecords.$inferSelect;
export type MandateRow = typeof mandates.$inferSelect;
export type ConclusionRow = typeof conclusions.$inferSelect;

export interface DemoBook {
  clients: ClientRow[];
  meetings: MeetingRow[];
  answers: AnswerRow[];
  touchpoints: TouchpointRow[];
  tasks: TaskRow[];
  consents: ConsentRow[];
  /** The segment each client was drawn from (not stored: the engine has to find it from the answers). */
  segmentOf: Map<string, SegmentId>;
  /** The products each client holds (holdings.ts, from its own random stream). */
  holdings: HoldingRow[];
  /** Version 1 of each ended meeting's advice record (advice.ts, from its own random stream). */
  adviceRecords: AdviceRow[];
  /** Mandates for the owner as life coach (mandates.ts, from its own random stream). */
  mandates: MandateRow[];
}
