// The self-assessment form as a PDF with form fields (pdf-lib): written for
// the client and read back once they filled it in with any PDF reader. Which
// field stands for which question is core/self-assessment.ts's; here only
// where things go on the page, and the words, which are the UI's interview texts.
import {
  breakTextIntoLines, PDFCheckBox, PDFDocument, PDFRadioGroup, PDFTextField, rgb, StandardFonts,
  type PDFFont, type PDFPage,
} from '@cantoo/pdf-lib';
import type { Language } from '#core/language.ts';
import { MULTI_VALUE_ATTRIBUTES, PROFILE_ATTRIBUTES } from '#core/profile.ts';
import {
  checkBoxField, choiceName, FORM_QUESTIONS, IDENTITY_FIELD, questionField, type FilledFields,
} from '#core/self-assessment.ts';
import { wordsFor } from './export-words.ts';

export interface FormContent {
  language: Language;
  clientName: string;
  advisor: string;
  issuedAt: number;
  /** The identity and its seal (core/self-assessment.ts sealIdentity), kept in a hidden field. */
  sealed: string;
}

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const BOX = 11;
const GREY = rgb(0.33, 0.33, 0.33);

class Layout {
  page: PDFPage;
  y: number;
  private readonly doc: PDFDocument;
  private readonly fonts: { regular: PDFFont; bold: PDFFont };
  constructor(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }) {
    this.doc = doc;
    this.fonts = fonts;
    this.page = doc.addPage([...A4]);
    this.y = A4[1] - MARGIN;
  }

  /** Room for `height` more points on this page, or a new page. */
  need(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([...A4]);
    this.y = A4[1] - MARGIN;
  }

  lines(text: string, size: number, width: number, bold = false): string[] {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    return breakTextIntoLines(text, [' ', '-'], width, (t) => font.widthOfTextAtSize(t, size));
  }

  text(text: string, { size = 10, bold = false, x = MARGIN, width = WIDTH, color = rgb(0, 0, 0) } = {}): void {
    const lineHeight = size * 1.3;
    for (const line of this.lines(text, size, width, bold)) {
      this.need(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x, y: this.y + size * 0.25, size, font: bold ? this.fonts.bold : this.fonts.regular, color });
    }
  }
}

/** A choice: its box at the left, its words beside it; the box is placed by `place`. */
function choice(layout: Layout, label: string, place: (page: PDFPage, x: number, y: number) => void): void {
  const size = 10;
  const lines = layout.lines(label, size, WIDTH - 24);
  // A choice is never split from its box.
  layout.need(lines.length * size * 1.3 + 3);
  const top = layout.y;
  place(layout.page, MARGIN + 4, top - BOX - 2);
  layout.text(label, { size, x: MARGIN + 24, width: WIDTH - 24 });
  layout.y = Math.min(layout.y, top - BOX - 3) - 2;
}

export async function renderSelfAssessmentForm(content: FormContent): Promise<Uint8Array> {
  const w = wordsFor(content.language);
  const doc = await PDFDocument.create();
  const title = w.t('selfAssessment.title');
  doc.setTitle(`${title} – ${content.clientName}`);
  doc.setLanguage(content.language === 'de' ? 'de-DE' : 'en-GB');
  // Fixed dates: the same form renders to the same bytes, and the file says nothing of the workstation.
  doc.setCreationDate(new Date(content.issuedAt));
  doc.setModificationDate(new Date(content.issuedAt));
  doc.setProducer(title);
  doc.setCreator(title);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const form = doc.getForm();
  const layout = new Layout(doc, fonts);

  layout.text(title, { size: 18, bold: true });
  layout.text(w.t('selfAssessment.pdf.intro', { name: content.clientName, date: w.date(content.issuedAt) }), { size: 11 });
  layout.text(w.t('selfAssessment.pdf.from', { advisor: content.advisor }), { size: 10, color: GREY });
  layout.y -= 8;
  layout.text(w.t('selfAssessment.pdf.howTo'), { size: 10 });

  // The identity travels in a field no reader shows and nobody types into.
  const identity = form.createTextField(IDENTITY_FIELD);
  identity.setText(content.sealed);
  identity.addToPage(layout.page, { x: 0, y: 0, width: 1, height: 1, hidden: true, borderWidth: 0 });
  identity.enableReadOnly();

  FORM_QUESTIONS.forEach((attribute, n) => {
    const choices: readonly string[] = PROFILE_ATTRIBUTES[attribute];
    const label = (i: number) => w.t(`profile.${attribute}.options.${choices[i]}`);
    layout.y -= 10;
    // A question starts on the page where its first choice fits.
    layout.need(40);
    layout.text(`${n + 1}. ${w.t(`profile.${attribute}.question`)}`, { size: 11, bold: true });
    if (MULTI_VALUE_ATTRIBUTES.has(attribute)) {
      layout.text(w.t('selfAssessment.pdf.several'), { size: 9, color: GREY });
      choices.forEach((_, i) => {
        const box = form.createCheckBox(checkBoxField(attribute, i));
        choice(layout, label(i), (page, x, y) => box.addToPage(page, { x, y, width: BOX, height: BOX, borderWidth: 1 }));
      });
      return;
    }
    layout.y -= 3;
    const group = form.createRadioGroup(questionField(attribute));
    choices.forEach((_, i) => {
      choice(layout, label(i), (page, x, y) => group.addOptionToPage(choiceName(i), page, { x, y, width: BOX, height: BOX, borderWidth: 1 }));
    });
  });

  layout.y -= 12;
  const rights = w.t('selfAssessment.pdf.rights');
  // A closing paragraph is not split over two pages.
  layout.need(layout.lines(rights, 9, WIDTH).length * 9 * 1.3);
  layout.text(rights, { size: 9, color: GREY });
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = w.t('selfAssessment.pdf.page', { n: i + 1, of: pages.length });
    page.drawText(footer, { x: A4[0] - MARGIN - fonts.regular.widthOfTextAtSize(footer, 8), y: MARGIN / 2, size: 8, font: fonts.regular, color: GREY });
  });
  return doc.save({ useObjectStreams: false });
}

/** The form's fields as a reader left them; null when the file is no PDF at all. */
export async function readFormFields(bytes: Uint8Array): Promise<{ sealed: string | undefined; fields: FilledFields } | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null;
  }
  const fields: FilledFields = {};
  let sealed: string | undefined;
  for (const field of doc.getForm().getFields()) {
    const name = field.getName();
    if (field instanceof PDFTextField && name === IDENTITY_FIELD) sealed = field.getText() ?? undefined;
    else if (field instanceof PDFRadioGroup) fields[name] = field.getSelected();
    else if (field instanceof PDFCheckBox) fields[name] = field.isChecked();
  }
  return { sealed, fields };
}
