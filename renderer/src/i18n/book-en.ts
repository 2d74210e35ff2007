// English texts of "My book". Typed against the German ones, so no key can be missing.
import type { bookDe } from './book-de.ts';

export const bookEn: typeof bookDe = {
  title: 'My book',
  intro: 'Your clients by segment and value tier, and where their segment is likely to move.',
  clientsTotal_one: '{{formatted}} client in the book',
  clientsTotal_other: '{{formatted}} clients in the book',
  clients: 'Clients',
  segments: {
    title: 'Clients by segment',
    hint: 'Each client counts under the segment in force: your own setting takes precedence over the rules. Conclusions the client rejected do not count.',
    caption: 'Clients per segment',
    segment: 'Segment',
    area: 'Area',
    economy: 'Economy area: value for money',
    premium: 'Premium area: identity',
    total: 'Clients with a segment',
    none: 'Without a segment',
  },
  tiers: {
    title: 'Clients by value tier',
    hint: 'Each client’s most recent value tier; tiers the client rejected do not count.',
    caption: 'Clients per value tier',
    tier: 'Value tier',
    name: 'Tier {{tier}}',
    none: 'No tier',
  },
  migrations: {
    title: 'Expected moves between segments',
    hint: 'On the left the segment in force today, on the right the segment the clients are forecast to move to. The width of each band shows the number of clients.',
    caption: 'Forecast segment moves',
    from: 'Today',
    to: 'Forecast',
    flow: '{{from}} → {{to}}',
    empty: 'No segment move is forecast for your book at the moment.',
  },
};
