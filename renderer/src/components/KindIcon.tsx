// A small line icon per kind of contact; decorative, the label says it in words.
import type { TouchpointKind } from '#core/touchpoint.ts';

const PATHS: Record<TouchpointKind, string> = {
  meeting: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5M14 15.5c.6-.3 1.3-.5 2-.5 3 0 6 2 6 5',
  call: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z',
  email: 'M3 5h18v14H3zM3 6l9 7 9-7',
  letter: 'M4 4h12l4 4v12H4zM16 4v4h4M8 12h8M8 16h6',
  alert: 'M6 17V11a6 6 0 0 1 12 0v6l2 2H4zM10 21h4',
  offer: 'M3 12V3h9l9 9-9 9zM8 8h.01',
  purchase: 'M3 4h2l2.5 11h11L21 7H6.5M9 20h.01M18 20h.01',
  visit: 'M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6',
  chat: 'M4 5h16v11H9l-5 4z',
  other: 'M12 12h.01M7 12h.01M17 12h.01',
};

export function KindIcon({ kind }: { kind: string }) {
  const d = PATHS[kind as TouchpointKind] ?? PATHS.other;
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
