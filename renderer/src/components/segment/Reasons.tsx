// Reasons for or against a segment, in the user's language. Under the heading
// "against" each answer is named plainly: the heading already says which way it points.
import { ANSWER_PHRASES, type Language, type Reason, type Text } from '#core/segments/index.ts';

function plain(r: Reason, lang: Language): string {
  const [attribute, value] = r.code.split('.');
  const phrase = (ANSWER_PHRASES as Record<string, Record<string, Text> | undefined>)[attribute ?? '']?.[value ?? ''];
  return phrase?.[lang] ?? r[lang];
}

export function Reasons({ title, reasons, lang, against = false }: { title: string; reasons: Reason[]; lang: Language; against?: boolean }) {
  if (reasons.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul>{reasons.map((r) => <li key={r.code}>{against ? plain(r, lang) : r[lang]}</li>)}</ul>
    </section>
  );
}
