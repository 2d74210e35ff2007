// The advice record as a PDF in German or English (pdfkit), for handing over,
// printing or sending. It shows the version, its hash and the previous one's,
// so a printed copy can be checked against the chain later.
import PDFDocument from 'pdfkit';
import type { AdviceContent } from '#core/advice.ts';
import type { Language } from '#core/language.ts';

const L = {
  de: {
    title: 'Beratungsdokumentation', version: 'Fassung', client: 'Kunde', born: 'geboren', advisor: 'Berater/in', meeting: 'Gespräch',
    reason: 'Anlass des Gesprächs', wishes: 'Wünsche und Bedürfnisse', risk: 'Risikosituation', course: 'Verlauf der Beratung',
    advice: 'Empfehlung und Begründung', decision: 'Entscheidung des Kunden', none: '—', hash: 'Prüfsumme dieser Fassung', previous: 'Prüfsumme der vorigen Fassung',
    delivered: 'Übergeben', notDelivered: 'Noch nicht übergeben', why: 'Gründe', noOffers: 'In diesem Gespräch wurde kein Angebot vorgelegt.',
    outcome: { accepted: 'angenommen', rejected: 'abgelehnt', postponed: 'zurückgestellt' },
    reasonCode: { already_owns: 'schon vorhanden', too_expensive: 'zu teuer', wrong_timing: 'falscher Zeitpunkt', not_relevant: 'kein Bedarf', wants_to_compare: 'möchte erst vergleichen', convinced: 'überzeugt', other: 'anderer Grund' },
    channel: { handed_over: 'persönlich übergeben', printed: 'ausgedruckt', email: 'per E-Mail', post: 'per Post' },
  },
  en: {
    title: 'Advice record', version: 'Version', client: 'Client', born: 'born', advisor: 'Advisor', meeting: 'Meeting',
    reason: 'Reason for the meeting', wishes: 'Wishes and needs', risk: 'Risk situation', course: 'Course of the meeting',
    advice: 'Recommendation and reasons', decision: 'The client’s decision', none: '—', hash: 'Checksum of this version', previous: 'Checksum of the previous version',
    delivered: 'Delivered', notDelivered: 'Not delivered yet', why: 'Reasons', noOffers: 'No offer was put to the client in this meeting.',
    outcome: { accepted: 'accepted', rejected: 'rejected', postponed: 'postponed' },
    reasonCode: { already_owns: 'already has it', too_expensive: 'too expensive', wrong_timing: 'wrong time', not_relevant: 'not needed', wants_to_compare: 'wants to compare first', convinced: 'convinced', other: 'other reason' },
    channel: { handed_over: 'handed over', printed: 'printed', email: 'by email', post: 'by post' },
  },
} as const;

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
  const l = L[language];
  const when = (at: number) => new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(at);
  // Fixed metadata dates: the same version always renders to the same bytes.
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${l.title} – ${c.client.name}`, CreationDate: new Date(c.meeting.startedAt), ModDate: new Date(c.meeting.startedAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });

  doc.font('Helvetica-Bold').fontSize(18).text(l.title);
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(`${l.version} ${v.recordVersion}`).fillColor('#000').moveDown();
  const line = (label: string, value: string | null) => { doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value || l.none); };
  const born = c.client.birthDate && new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${c.client.birthDate}T00:00:00Z`));
  line(l.client, [c.client.name, born && `${l.born} ${born}`, c.client.address].filter(Boolean).join(', '));
  line(l.advisor, c.advisor);
  line(l.meeting, when(c.meeting.startedAt));
  const section = (title: string, body: string | null) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(title).font('Helvetica').fontSize(10).text(body || l.none);
  };
  section(l.reason, c.reason);
  section(l.wishes, c.wishes);
  section(l.risk, c.riskSituation);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(l.course).font('Helvetica').fontSize(10);
  if (c.offers.length === 0) doc.text(l.noOffers);
  for (const o of c.offers) {
    const why = o.reasonCode ? ` (${l.reasonCode[o.reasonCode]}${o.note ? `: ${o.note}` : ''})` : o.note ? ` (${o.note})` : '';
    const name = language === c.language ? o.name : options.offerName?.(o.offer, language) ?? o.name;
    doc.text(`• ${name}: ${l.outcome[o.outcome]}${why}`);
    // The reasons were written in the record's language: in another, they would mix two.
    if (o.reasons.length && language === c.language) doc.fillColor('#555').text(`   ${l.why}: ${o.reasons.join('; ')}`).fillColor('#000');
  }
  section(l.advice, c.advice);
  section(l.decision, c.decision);
  doc.moveDown(1.5).fontSize(8).fillColor('#555');
  doc.text(v.deliveredAt ? `${l.delivered}: ${when(v.deliveredAt)}, ${l.channel[v.deliveryChannel as keyof typeof l.channel] ?? v.deliveryChannel}` : l.notDelivered);
  doc.text(`${l.hash}: ${v.contentHash}`);
  if (v.previousHash) doc.text(`${l.previous}: ${v.previousHash}`);
  doc.end();
  return done;
}
