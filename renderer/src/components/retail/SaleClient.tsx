// Who the sale is for: a client found by search, or a walk-in customer made
// on the spot (through the ordinary client creation, with a placeholder name
// and today's date), so every sale has a client to hold it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '#core/client.ts';
import { formatIsoDate, todayIso } from '../../format.ts';
import { useLang } from '../../hooks/useLang.ts';
import { navigate, paths } from '../../hooks/useRoute.ts';
import { newId } from '../../ids.ts';
import { errorMessage } from '../../problems.ts';
import { client, orpc } from '../../rpc.ts';

export function SaleClient({ clientId }: { clientId: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const chosen = useQuery({ ...orpc.clients.get.queryOptions({ input: { id: clientId ?? '' } }), enabled: clientId !== undefined });
  const found = useQuery({ ...orpc.clients.list.queryOptions({ input: { query: deferred, limit: 8 } }), enabled: clientId === undefined && deferred.length > 0 });
  const walkIn = useMutation({
    mutationFn: () => client.clients.create({ id: newId(), firstName: t('retail.sale.walkInName'), lastName: formatIsoDate(todayIso(), lang) }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: orpc.clients.list.key() });
      navigate(paths.sale(saved.id));
    },
  });

  if (clientId !== undefined) {
    return (
      <section className="card sale-client" aria-labelledby="sale-client-title">
        <h2 id="sale-client-title">{t('retail.sale.client')}</h2>
        {chosen.isError ? <p className="form-error" role="alert">{errorMessage(t, chosen.error)}</p> : (
          <p className="sale-client-name" data-testid="sale-client">
            {chosen.data ? <a href={paths.client(clientId)}>{fullName(chosen.data.client)}</a> : t('app.loading')}
          </p>
        )}
        <a href={paths.sale()} className="btn-link">{t('retail.sale.other')}</a>
      </section>
    );
  }
  return (
    <section className="card sale-client" aria-labelledby="sale-client-title">
      <h2 id="sale-client-title">{t('retail.sale.client')}</h2>
      <div className="field">
        <label htmlFor="sale-client-search">{t('retail.sale.search')}</label>
        <input id="sale-client-search" type="search" value={query} placeholder={t('retail.sale.searchHint')} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
      </div>
      {found.data && (found.data.items.length === 0 ? <p className="muted">{t('retail.sale.noMatch')}</p> : (
        <ul className="sale-client-found">
          {found.data.items.map((c) => (
            <li key={c.id}>
              <a href={paths.sale(c.id)}>{fullName(c)}</a>
              {c.city && <span className="muted small"> · {c.city}</span>}
            </li>
          ))}
        </ul>
      ))}
      <p>
        <button type="button" className="btn" onClick={() => walkIn.mutate()} disabled={walkIn.isPending} aria-describedby="walk-in-hint">{t('retail.sale.walkIn')}</button>
      </p>
      <p id="walk-in-hint" className="muted small">{t('retail.sale.walkInHint')}</p>
      {walkIn.isError && <p className="form-error" role="alert">{errorMessage(t, walkIn.error)}</p>}
    </section>
  );
}
