// English texts for NPS and CES after purchases and sales (see satisfaction-de.ts).
import type { satisfactionDe } from './satisfaction-de.ts';

export const satisfactionEn: typeof satisfactionDe = {
  title: 'Satisfaction after purchases',
  hint: 'Ask the client after a purchase: how likely would they recommend us (0–10)? How easy was it (1–7)?',
  none: 'No purchase to ask about yet.',
  purchase: 'Purchase under the mandate on {{date}}: {{what}}',
  sale: 'Purchase at a retailer on {{date}}: {{what}}',
  nps: 'Would recommend (0–10)',
  ces: 'Effort (1–7)',
  notAsked: '–',
  save: 'Record',
  saved: 'Recorded: would recommend {{nps}}, effort {{ces}}.',
  trendTitle: 'Satisfaction',
  trendHint: 'Net Promoter Score (−100 to 100) and Customer Effort Score (1–7, higher is easier) per month, from meetings, purchases under a mandate and purchases at retailers; in brackets the number of answers.',
  overall: 'All clients',
  bySegment: 'By segment',
  byTier: 'By value tier',
  group: 'Group',
  tier: 'Value tier {{tier}}',
  cell: 'NPS {{nps}} · CES {{ces}} ({{n}})',
  empty: 'No answers in the last months yet.',
  sources: 'Answers: {{meetings}} from meetings, {{purchases}} after purchases under a mandate, {{sales}} after purchases at retailers.',
};
