// What was decided on offers in this meeting, in the order decided: the offer
// by name, the outcome and the client's reason, each with an undo while the
// meeting runs. Taking a decision back is a change of its own (offer.undo):
// the outcome then counts nowhere, and the offer may come up again.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import type { OfferInputsView } from '#contract/views.ts';
import { useLang } from '../../hooks/useLang.ts';
import { errorMessage } from '../../problems.ts';
import { client } from '../../rpc.ts';

type Decided = OfferInputsView['decided'][number];
interface Props { decided: Decided[]; catalogue: CatalogueDocument; clientId: string; meetingId: string; readOnly: boolean; onUndone: () => void }

export function OfferDecisions({ decided, catalogue, clientId, meetingId, readOnly, onUndone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const undo = useMutation({
    mutationFn: (id: string) => client.offers.undo({ id, clientId, meetingId }),
    onSuccess: onUndone,
  });
  if (decided.length === 0) return null;
  // An offer the catalogue no longer has is still named in words, never by its id.
  const nameOf = (id: string) => (catalogue.products.find((p) => p.id === id) ?? catalogue.bundles.find((b) => b.id === id))?.name[lang] ?? t('offers.unknownOffer');
  return (
    <section className="offer-decisions" aria-labelledby="offer-decisions-title" data-testid="offer-decisions">
      <h3 id="offer-decisions-title">{t('offers.decisions')}</h3>
      <ul>
        {decided.map((d) => {
          const name = nameOf(d.offerId);
          return (
            <li key={d.id} data-testid="offer-decision" data-offer={d.offerId} data-outcome={d.outcome}>
              <span className={`outcome outcome-${d.outcome}`}>{t(`offers.outcome.${d.outcome}`)}</span>{' '}
              <strong>{name}</strong>
              {d.reasonCode && <span className="muted"> – {t(`offers.reason.${d.reasonCode}`)}</span>}
              {d.note && <span className="muted"> {t('offers.decisionNote', { note: d.note })}</span>}
              {!readOnly && (
                <button type="button" className="btn-link internal" disabled={undo.isPending}
                  aria-label={t('offers.undoLabel', { name })} onClick={() => undo.mutate(d.id)}>{t('offers.undo')}</button>
              )}
            </li>
          );
        })}
      </ul>
      {undo.isError && <p className="form-error" role="alert">{errorMessage(t, undo.error)}</p>}
    </section>
  );
}
