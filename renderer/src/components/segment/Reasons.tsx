// Reasons for or against a segment, in the user's language.
import type { Lang, Reason } from '#core/segments/index.ts';

export function Reasons({ title, reasons, lang }: { title: string; reasons: Reason[]; lang: Lang }) {
  if (reasons.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul className="small">{reasons.map((r) => <li key={r.code}>{r[lang]}</li>)}</ul>
    </section>
  );
}
