// Fills in a PDF form as a PDF reader does: pdf.js (Firefox's viewer) sets
// the widgets' values and saves the document, an implementation other than
// the one that wrote the form. For the self-assessment tests.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

/**
 * `choices`: a radio group's field name and which of its buttons to click,
 * counted from the top as the client sees them (q01: 2), or a check box's
 * field name and true to tick it (q09_o4: true).
 */
export async function fillForm(bytes: Uint8Array, choices: Record<string, number | boolean>): Promise<Uint8Array> {
  const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: fonts }).promise;
  const left = new Set(Object.keys(choices));
  const seen = new Map<string, number>();
  for (let n = 1; n <= doc.numPages; n++) {
    for (const a of await (await doc.getPage(n)).getAnnotations()) {
      const wanted = choices[a.fieldName as string];
      if (wanted === undefined) continue;
      if (a.radioButton) {
        const position = (seen.get(a.fieldName) ?? 0) + 1;
        seen.set(a.fieldName, position);
        // A reader sets the button clicked on and clears its siblings.
        doc.annotationStorage.setValue(a.id, { value: position === wanted });
        if (position === wanted) left.delete(a.fieldName);
      } else if (a.checkBox) {
        doc.annotationStorage.setValue(a.id, { value: wanted === true });
        left.delete(a.fieldName);
      }
    }
  }
  if (left.size > 0) throw new Error(`no such field or choice in the form: ${[...left].join(', ')}`);
  const saved = await doc.saveDocument();
  await doc.destroy();
  return saved;
}
