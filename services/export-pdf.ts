// The client's export as a PDF a client can read (pdfkit), in German or
// English: sections in the order of the right of access, each record in words
// (export-pdf-lines.ts), where the device's and the manufacturer's copies
// differ both, and on the first page whose copy it shows and, offline, when
// this device last synced.
import PDFDocument from 'pdfkit';
import type { Fields } from '#core/records.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import type { ClientExportModel, ExportSection } from './export.ts';
import { LINES, masterLines, type LineContext } from './export-pdf-lines.ts';
import type { ExportEntry } from './export-reconcile.ts';
import { wordsFor, type Language } from './export-words.ts';

/** The PDF's sections after the master data: a heading and the kinds of record under it. */
const LAYOUT: [heading: string, kinds: ExportSection[]][] = [
  ['answers', ['answers']], ['conclusions', ['conclusions']], ['consents', ['consents']], ['touchpoints', ['touchpoints']], ['tasks', ['tasks']], ['appointments', ['appointments']],
  ['meetings', ['meetings', 'adviceRecords']], ['mandates', ['mandates', 'purchases']], ['holdings', ['holdings']], ['offerOutcomes', ['offerOutcomes']],
  ['alerts', ['alerts']], ['access', []], ['corrections', ['corrections']], ['sales', ['sales', 'approvals']], ['feedback', ['feedback']],
];

export function renderExportPdf(m: ClientExportModel, language: Language, catalogue: CatalogueDocument): Promise<Buffer> {
  const w = wordsFor(language);
  const c = m.client.record;
  const clientName = `${String(c.firstName ?? '')} ${String(c.lastName ?? '')}`.trim();
  const products = new Map([...catalogue.products, ...catalogue.bundles].map((p) => [p.id, p.name[language]]));
  const ctx: LineContext = {
    w, clientName,
    person: (id) => (typeof id === 'string' && m.people[id]) || w.t('rights.doc.unknownPerson'),
    product: (id) => products.get(String(id)) ?? w.t('holding.unknownProduct'),
  };
  // Fixed metadata dates: the same export renders to the same bytes.
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${w.t('rights.doc.title')} – ${clientName}`, CreationDate: new Date(m.exportedAt), ModDate: new Date(m.exportedAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  doc.font('Helvetica-Bold').fontSize(18).text(w.t('rights.doc.title'));
  doc.font('Helvetica').fontSize(11).text(w.t('rights.doc.about', { name: clientName }));
  doc.fontSize(9).fillColor('#555').text(w.t('rights.doc.madeAt', { when: w.dateTime(m.exportedAt) })).moveDown(0.5);
  const source = m.source === 'this_device_and_manufacturer' ? w.t('rights.doc.sourceBoth')
    : m.lastSyncedAt === null ? w.t('rights.doc.sourceDeviceNever') : w.t('rights.doc.sourceDevice', { when: w.dateTime(m.lastSyncedAt) });
  doc.fillColor('#000').fontSize(10).font('Helvetica-Oblique').text(source).font('Helvetica');

  const heading = (key: string) => doc.moveDown(0.9).font('Helvetica-Bold').fontSize(12).text(w.t(`rights.doc.section.${key}`)).font('Helvetica').fontSize(10);
  const grey = (text: string) => doc.fillColor('#555').text(text).fillColor('#000');
  const entry = (e: ExportEntry, lines: (f: Fields) => string[], number: number | null) => {
    lines(e.record).filter(Boolean).forEach((line, i) => doc.text(i === 0 && number !== null ? `${number}. ${line}` : `    ${line}`));
    if (e.sync && e.sync !== 'same') grey(`    ${w.t(`rights.doc.sync.${e.sync}`)}`);
    if (e.sync === 'differs' && e.manufacturer) lines(e.manufacturer).filter(Boolean).forEach((line) => grey(`      ${line}`));
  };

  heading('master');
  entry(m.client, (f) => masterLines(f, w), null);
  for (const [key, kinds] of LAYOUT) {
    heading(key);
    if (key === 'access') { accessLines(m, ctx).forEach((line) => doc.text(line)); continue; }
    const entries = kinds.flatMap((k) => m.sections[k].map((e) => [k, e] as const));
    if (entries.length === 0) doc.text(w.t('rights.doc.none'));
    entries.forEach(([kind, e], i) => {
      doc.moveDown(0.2);
      entry(e, (f) => LINES[kind](kind === 'alerts' && signalsOf(m, e.id).length ? { ...f, signals: [] } : f, ctx), i + 1);
      if (kind === 'alerts') for (const sig of signalsOf(m, e.id)) doc.text(`    ${w.t('rights.doc.signalLine', { evidence: sig.evidence, when: w.date(sig.observedAt) })} (${w.t('rights.doc.signalSource', { source: sig.source })})`);
      if (kind === 'mandates') {
        const budget = m.budgets.find((b) => b.mandateId === e.id);
        if (budget) doc.text(`    ${w.t('rights.doc.budgetLeft', { left: w.euros(budget.leftCents), budget: w.euros(budget.budgetCents) })}`);
      }
    });
  }
  doc.end();
  return done;
}

const signalsOf = (m: ClientExportModel, alertId: string) => m.signals.filter((s) => s.alertId === alertId);

/** Who has access: the owner and those shared with, then the coaches who hold a mandate. */
function accessLines(m: ClientExportModel, { w, person }: LineContext): string[] {
  const lines = m.access.map((a) => w.t(a.kind === 'owner' ? 'rights.doc.owner' : 'rights.doc.shared', { name: a.name }));
  const coaches = new Set(m.sections.mandates.filter((e) => !e.record.revokedAt).map((e) => person(e.record.coachId)));
  for (const name of coaches) lines.push(w.t('rights.doc.coach', { name }));
  return lines.length ? lines : [w.t('rights.doc.none')];
}
