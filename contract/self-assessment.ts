// The self-assessment form: made for a client as a fillable PDF, read back
// (nothing changes), then taken as the client's own answers.
import { z } from 'zod';
import { ATTRIBUTE_IDS } from '#core/profile.ts';
import { uuid } from '#core/validate.ts';

/** The largest form taken back: the form is about 100 kB; a reader that adds fonts or a signature makes it larger. */
export const MAX_FORM_BYTES = 5 * 1024 * 1024;

const language = z.enum(['de', 'en']);
const answer = z.union([z.string(), z.array(z.string())]);

export const formMakeInput = z.object({ clientId: uuid, language });
export const formFile = z.object({ fileName: z.string(), base64: z.string() });
export const formReadInput = z.object({
  clientId: uuid,
  base64: z.string().min(1, { error: 'required' }).max(Math.ceil(MAX_FORM_BYTES / 3) * 4, { error: 'too_long' }),
});
export const formTakeInput = formReadInput.extend({ language });

export const formPreview = z.object({
  formId: z.string(), issuedAt: z.number(), language, takenBefore: z.number().nullable(),
  answers: z.array(z.object({
    attribute: z.enum(ATTRIBUTE_IDS), value: answer, held: answer.nullable(), heldBy: z.string().nullable(), changes: z.boolean(),
  })),
});
export const formTaken = z.object({ taken: z.number(), at: z.number() });
