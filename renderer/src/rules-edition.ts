// Which edition of the manufacturer's rules drew a conclusion, as a person
// reads it ("Fassung 3"), never the internal id ("segments.v3").

/** The number of "segments.v3" or "value_tiers.v3"; 'demo' for the shipped fallback; null when it names neither. */
export function rulesEdition(version: string | null | undefined): number | 'demo' | null {
  if (!version) return null;
  if (/\.demo$/.test(version)) return 'demo';
  const n = /\.v(\d+)$/.exec(version);
  return n ? Number(n[1]) : null;
}
