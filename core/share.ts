// Handing a client to a life coach: the owner shares the client with a coach
// (and takes the share back). The client record lists who it is shared with
// (`sharedWith`) and the owner's name (`ownerName`), so every device that holds
// the client, the coach's too, can say who has access; the backend grants or
// revokes the access itself when it applies the change.
import { z } from 'zod';
import { uuid } from './validate.ts';

/** One person a client is shared with, as the client record keeps them. */
export interface Share { userId: string; displayName: string }

export const clientShareSchema = z.object({ id: uuid, userId: uuid }).strict();
export const clientUnshareSchema = clientShareSchema;

/** The role a client is shared to: a share hands the client to a life coach. */
export const SHARE_ROLE = 'life_coach';

/**
 * The people a change may name, as the side applying it knows them: the
 * backend from its users, a device from the directory of coaches it keeps (and
 * the person using it). null: not known there.
 */
export interface PeopleLookup {
  find(userId: string): { displayName: string; roles: readonly string[] } | null;
}

/** The list as stored; a record from before sharing existed has none. */
export function sharesOf(value: unknown): Share[] {
  if (!Array.isArray(value)) return [];
  return value.filter((s): s is Share => s !== null && typeof s === 'object' && typeof (s as Share).userId === 'string' && typeof (s as Share).displayName === 'string');
}
