// The advice record as a PDF in German or English (pdfkit), for handing over,
// printing or sending. It shows the version, its hash and the previous one's,
// so a printed copy can be checked against the chain later.
import PDFDocument from 'pdfkit';
import type { AdviceContent } from '#core/advice.ts';
import type { Language } from '#core/language.ts';
import { wordsFor } from './export-words.ts';

/** The record's words are the UI's (renderer/src/i18n via export-words.ts): the printed record and the screen say the same. */
function labels(language: Language) {
  const w = wordsFor(language);
  return {
    title: w.t('advice.title'), version: (n: number) => w.t('advice.version', { n }), none: '—', noOffers: w.t('advice.noOffers'),
    section: (k: 'reason' | 'wishes' | 'risk' | 'course' | 'advice' | 'decision') => w.t(`advice.section.${k}`),
    pdf: (k: 'client' | 'born' | 'advisor' | 'meeting' | 'why' | 'thisHash' | 'previousHash' | 'delivered' | 'notDelivered') => w.t(`advice.pdf.${k}`),
    outcome: (o: string) => w.t(`offers.outcome.${o}`, {}, o),
    reasonCode: (r: string) => w.t(`offers.reason.${r}`, {}, r),
    channel: (c: string) => w.t(`advice.channel.${c}`, {}, c),
  };
}

export interface PdfVersion { recordVersion: number; contentHash: string; previousHash: string | null; deliveredAt: number | null; deliveryChannel: string | null; content: AdviceContent }

export interface PdfOptions {
  /** The language of headings, fixed words and offer names; the record's own when not given. */
  language?: Language;
  /** An offer's name in that language (from the catalogue); the name the record kept otherwise. */
  offerName?: (offerId: string, language: Language) => string | null;
}

export function renderAdvicePdf(v: PdfVersion, options: PdfOptions = {}): Promise<Buffer> {
  const c = v.content;
  const language = options.language ?? c.language;
  const l = labels(language);
  const when = (at: number) => new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(at);
  // Fixed metadata dates: the same version always renders to the same bytes.
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${l.title} – ${c.client.name}`, CreationDate: new Date(c.meeting.startedAt), ModDate: new Date(c.meeting.startedAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  doc.font('Helvetica-Bold').fontSize(18).text(l.title);
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(l.version(v.recordVersion)).fillColor('#000').moveDown();
  const line = (label: string, value: string | null) => { doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value || l.none); };
  const born = c.client.birthDate && new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${c.client.birthDate}T00:00:00Z`));
  line(l.pdf('client'), [c.client.name, born && `${l.pdf('born')} ${born}`, c.client.address].filter(Boolean).join(', '));
  line(l.pdf('advisor'), c.advisor);
  line(l.pdf('meeting'), when(c.meeting.startedAt));
  const section = (title: string, body: string | null) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(title).font('Helvetica').fontSize(10).text(body || l.none);
  };
  section(l.section('reason'), c.reason);
  section(l.section('wishes'), c.wishes);
  section(l.section('risk'), c.riskSituation);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(l.section('course')).font('Helvetica').fontSize(10);
  if (c.offers.length === 0) doc.text(l.noOffers);
  for (const o of c.offers) {
    const why = o.reasonCode ? ` (${l.reasonCode(o.reasonCode)}${o.note ? `: ${o.note}` : ''})` : o.note ? ` (${o.note})` : '';
    const name = language === c.language ? o.name : options.offerName?.(o.offer, language) ?? o.name;
    doc.text(`• ${name}: ${l.outcome(o.outcome)}${why}`);
    // The reasons were written in the record's language: in another, they would mix two.
    if (o.reasons.length && language === c.language) doc.fillColor('#555').text(`   ${l.pdf('why')}: ${o.reasons.join('; ')}`).fillColor('#000');
  }
  section(l.section('advice'), c.advice);
  section(l.section('decision'), c.decision);
  doc.moveDown(1.5).fontSize(8).fillColor('#555');
  doc.text(v.deliveredAt ? `${l.pdf('delivered')}: ${when(v.deliveredAt)}, ${l.channel(v.deliveryChannel ?? '')}` : l.pdf('notDelivered'));
  doc.text(`${l.pdf('thisHash')}: ${v.contentHash}`);
  if (v.previousHash) doc.text(`${l.pdf('previousHash')}: ${v.previousHash}`);
  doc.end();
  return done;
}
