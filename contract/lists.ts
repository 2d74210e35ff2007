// Client lists in and out (CSV, Excel): open a file and see its columns, check
// the rows against the book with a mapping, apply with the advisor's choice
// per likely duplicate, with progress; export the book or a search result.
import { eventIterator } from '@orpc/contract';
import { z } from 'zod';
import { LIST_FIELDS } from '#core/client-list/columns.ts';

/** The largest list file taken in (base64 in the call): a 100,000-row workbook is about 6 MB. */
export const MAX_LIST_BYTES = 40 * 1024 * 1024;

const problem = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
const mapping = z.partialRecord(z.enum(LIST_FIELDS), z.number().int().min(0).nullable());
const listClient = z.record(z.string(), z.string().nullable());

export const listOpenInput = z.object({
  fileName: z.string().trim().min(1, { error: 'required' }).max(255, { error: 'too_long' }),
  base64: z.string().max(Math.ceil(MAX_LIST_BYTES / 3) * 4, { error: 'too_long' }),
});

export const listOpened = z.object({
  importId: z.string(), fileName: z.string(), format: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()), mapping, rows: z.number(),
  /** The first rows as text, for the preview beside the mapping. */
  sample: z.array(z.object({ line: z.number(), cells: z.array(z.string()) })),
});

export const listOpenEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reading'), fraction: z.number() }),
  z.object({ type: z.literal('opened'), list: listOpened }),
]);

export const listCheckInput = z.object({ importId: z.string(), mapping });

export const listCheckView = z.object({
  ready: z.number(),
  duplicates: z.array(z.object({
    line: z.number(), clientId: z.string(), match: z.enum(['name_and_birth_date', 'email']),
    /** The row's details and the client's as the book holds them; `changes` are the fields a merge would take. */
    row: listClient, held: listClient, changes: z.array(z.enum(LIST_FIELDS)),
  })),
  refused: z.array(z.object({ line: z.number(), problems: z.array(problem) })),
  blank: z.number(),
});

export const listApplyInput = z.object({
  importId: z.string(), mapping,
  /** Lines of likely duplicates to merge into the client they match; the others are skipped. */
  merge: z.array(z.number().int()).max(1_000_000),
});

export const listApplyEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), phase: z.enum(['checking', 'writing']), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), created: z.number(), merged: z.number(), skipped: z.number(), refused: z.number() }),
]);

export const listExportInput = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** A search as the client book takes it; empty: the whole book. */
  query: z.string().max(200, { error: 'too_long' }).default(''),
  language: z.enum(['de', 'en']).default('de'),
});

export const listExportView = z.object({ fileName: z.string(), base64: z.string(), clients: z.number() });

export const openEvents = eventIterator(listOpenEvent);
export const applyEvents = eventIterator(listApplyEvent);
