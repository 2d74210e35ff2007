// Every local change is one of these named mutations. The same names and
// argument schemas travel in the outbox to the manufacturer's backend, which
// validates them again: the device is never trusted on its own. What each
// kind is (schema, client, reads, who may issue it) lives in registry.ts;
// these are its views for callers that need only the schemas.
import type { z } from 'zod';
import { REGISTRY, type MutationName } from './registry.ts';

export { isMutationName, MUTATION_NAMES, type MutationName } from './registry.ts';

type Schemas = { [N in MutationName]: (typeof REGISTRY)[N]['schema'] };
export const MUTATIONS = Object.fromEntries(Object.entries(REGISTRY).map(([n, r]) => [n, r.schema])) as Schemas;

export type MutationArgs<N extends MutationName> = z.output<Schemas[N]>;
export type MutationInput<N extends MutationName> = z.input<Schemas[N]>;
