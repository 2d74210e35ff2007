// The file's columns beside the book's fields, recognised ones already set,
// and its first rows under the fields they will fill: what the advisor checks
// before anything is read into the book.
import { useTranslation } from 'react-i18next';
import { LIST_FIELDS, type ColumnMapping, type ListField } from '#core/client-list/columns.ts';
import type { ListOpened } from './types.ts';

export function MappingStep({ list, mapping, onChange }: { list: ListOpened; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void }) {
  const { t } = useTranslation();
  const fieldOf = (column: number): ListField | '' => LIST_FIELDS.find((f) => mapping[f] === column) ?? '';
  const choose = (column: number, field: ListField | '') => {
    const next: ColumnMapping = {};
    // A field comes from one column only: choosing it here takes it from wherever it was.
    for (const f of LIST_FIELDS) if (mapping[f] != null && mapping[f] !== column && f !== field) next[f] = mapping[f];
    if (field) next[field] = column;
    onChange(next);
  };
  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('list.mappingTitle')}</h2>
      <p className="hint">{t('list.mappingHint')}</p>
      <div className="table-scroll">
        <table className="list-mapping" data-testid="list-mapping">
          <thead>
            <tr><th scope="col">{t('list.column')}</th>{list.headers.map((h, i) => <th key={i} scope="col">{h || `#${i + 1}`}</th>)}</tr>
            <tr>
              <th scope="row">{t('list.field')}</th>
              {list.headers.map((h, i) => (
                <td key={i}>
                  <select aria-label={`${t('list.field')}: ${h || `#${i + 1}`}`} value={fieldOf(i)} onChange={(e) => choose(i, e.target.value as ListField | '')}>
                    <option value="">{t('list.unused')}</option>
                    {LIST_FIELDS.map((f) => <option key={f} value={f}>{t(`list.fields.${f}`)}</option>)}
                  </select>
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.sample.map((row) => (
              <tr key={row.line}>
                <th scope="row">{t('list.line')} {row.line}</th>
                {row.cells.map((c, i) => <td key={i} className={fieldOf(i) ? '' : 'unused'}>{c}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
