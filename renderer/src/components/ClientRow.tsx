// One row of the client book: name, place, last contact.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '#contract/views.ts';
import { formatDate } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';

interface Props {
  index: number;
  total: number;
  row: ClientSummary | undefined;
  active: boolean;
  top: number;
  onOpen: (index: number) => void;
  onPoint: (index: number) => void;
}

export const ClientRow = memo(function ClientRow({ index, total, row, active, top, onOpen, onPoint }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div
      id={`client-row-${index}`}
      role="option"
      aria-selected={active}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`list-row${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(index)}
      onMouseMove={() => { if (!active) onPoint(index); }}
    >
      {row ? (
        <>
          <span className="cell-name">
            <strong>{row.lastName}</strong>, {row.firstName}
            {row.email && <span className="muted small"> · {row.email}</span>}
          </span>
          <span className="cell-city">{[row.postalCode, row.city].filter(Boolean).join(' ') || t('common.none')}</span>
          <span className="cell-date" data-testid="last-contact">
            {row.lastContactAt ? formatDate(row.lastContactAt, lang) : <span className="muted">{t('clients.never')}</span>}
          </span>
        </>
      ) : (
        <span className="muted">{t('clients.loadingRow')}</span>
      )}
    </div>
  );
});
