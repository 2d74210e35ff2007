// Chart colours, as SVG attributes (not CSS), matching styles.css: the accent
// for the Economy area, a warm tone for Premium, grey for "none".
export const COLORS = {
  economy: '#1f5c99',
  premium: '#a0612b',
  none: '#b8bfcc',
  tiers: { A: '#1f5c99', B: '#4f86bd', C: '#8fb3d9' },
  flow: '#4f86bd',
  text: '#1d2330',
  grid: '#d9dde5',
} as const;
