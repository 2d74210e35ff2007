// Every contact with a client, on any channel ("touchpoint timeline").
import { z } from 'zod';
import { optionalText, requiredText, uuid } from './validate.ts';

export const TOUCHPOINT_KINDS = ['meeting', 'call', 'email', 'letter', 'alert', 'offer', 'purchase', 'visit', 'chat', 'other'] as const;
export const CHANNELS = ['in_person', 'phone', 'email', 'letter', 'video', 'assistant_app', 'online_shop', 'point_of_sale', 'other'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];

export const touchpointAddSchema = z.object({
  id: uuid,
  clientId: uuid,
  kind: z.enum(TOUCHPOINT_KINDS, { error: 'unknown_value' }),
  channel: z.enum(CHANNELS, { error: 'unknown_value' }),
  direction: z.enum(DIRECTIONS, { error: 'unknown_value' }).default('outbound'),
  occurredAt: z.number({ error: 'invalid_date' }).int({ error: 'invalid_date' }).positive({ error: 'invalid_date' }),
  summary: requiredText(500),
  outcome: optionalText(2000),
  /** The record this touchpoint stands for (a meeting, an offer, an alert), if any. */
  refId: uuid.nullable().optional(),
}).strict();
export type TouchpointAdd = z.output<typeof touchpointAddSchema>;
