// Digit keys pick an answer directly: 1..9, and 0 for the tenth.
export function optionIndexOfKey(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): number | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === '0') return 9;
  if (/^[1-9]$/.test(e.key)) return Number(e.key) - 1;
  return null;
}

export function optionKeyLabel(index: number): string | null {
  if (index < 9) return String(index + 1);
  if (index === 9) return '0';
  return null;
}
