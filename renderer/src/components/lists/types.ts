// The shapes the import screen passes between its steps: what the core answered.
import type { WorkstationClient } from '../../rpc.ts';

type Opened<E> = E extends { type: 'opened'; list: infer L } ? L : never;
type Event<T> = T extends AsyncIterable<infer E> ? E : never;

export type ListOpened = Opened<Event<Awaited<ReturnType<WorkstationClient['lists']['open']>>>>;
export type ListCheck = Awaited<ReturnType<WorkstationClient['lists']['check']>>;
export type ListDone = Extract<Event<Awaited<ReturnType<WorkstationClient['lists']['apply']>>>, { type: 'done' }>;
