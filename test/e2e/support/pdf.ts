// Reads the text of a downloaded PDF the way a reader would, with pdf.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Download } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

/** Every line of text in the document, pages in order. */
export async function pdfText(download: Download): Promise<string> {
  const path = await download.path();
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), standardFontDataUrl: fonts }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  }
  return text;
}
