// One client at a glance: who they are, what happened last, what is open,
// what they consented to, and the way into a meeting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fullName } from '#core/client.ts';
import { ContactCard } from '../components/ContactCard.tsx';
import { ClientExport } from '../components/ClientExport.tsx';
import { CorrectionList } from '../components/CorrectionList.tsx';
import { DigitalProfile } from '../components/tiers/DigitalProfile.tsx';
import { ValueTier } from '../components/tiers/ValueTier.tsx';
import { Consents } from '../components/Consents.tsx';
import { EraseClient } from '../components/EraseClient.tsx';
import { ClientAccess } from '../components/ClientAccess.tsx';
import { ClientAppointments } from '../components/ClientAppointments.tsx';
import { ClientFeedback } from '../components/ClientFeedback.tsx';
import { SelfAssessment } from '../components/SelfAssessment.tsx';
import { ClientTasks } from '../components/ClientTasks.tsx';
import { LastContact } from '../components/LastContact.tsx';
import { Mandates } from '../components/Mandates.tsx';
import { MeetingList } from '../components/MeetingList.tsx';
import { Conclusions } from '../components/segment/Conclusions.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { AddTouchpoint } from '../components/AddTouchpoint.tsx';
import { ClientSales } from '../components/retail/ClientSales.tsx';
import { useRoleAllows } from '../hooks/useRoles.ts';
import { navigate, paths } from '../hooks/useRoute.ts';
import { newId } from '../ids.ts';
import { errorMessage } from '../problems.ts';
import { client, orpc } from '../rpc.ts';

export function ClientPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sells = useRoleAllows('sale.record');
  // Fresh on every visit: the editable fields start from what the core holds now.
  const detail = useQuery({ ...orpc.clients.get.queryOptions({ input: { id } }), gcTime: 0 });
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: orpc.clients.get.key({ input: { id } }) }),
    // Consent decides whether conclusions are drawn at all.
    queryClient.invalidateQueries({ queryKey: orpc.segments.state.key({ input: { clientId: id } }) }),
    // A mandate granted, changed or revoked changes what is left of its budget.
    queryClient.invalidateQueries({ queryKey: orpc.purchases.ofClient.key({ input: { clientId: id } }) }),
    queryClient.invalidateQueries({ queryKey: orpc.coach.clients.key() }),
  ]);

  const start = useMutation({
    mutationFn: () => client.meetings.start({ id: newId(), clientId: id }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: orpc.clients.list.key() });
      navigate(paths.meeting(saved.id));
    },
  });

  if (detail.isPending) return <main id="main" className="screen"><p className="muted">{t('app.loading')}</p></main>;
  if (detail.isError) {
    return (
      <main id="main" className="screen">
        <p className="form-error" role="alert">{errorMessage(t, detail.error)}</p>
        <p><a href={paths.clients()}>← {t('client.back')}</a></p>
      </main>
    );
  }
  const d = detail.data;
  // One meeting at a time: while one runs, the button goes back into it.
  const running = d.meetings.find((m) => m.endedAt === null);

  return (
    <main id="main" className="screen client-page">
      <p className="crumbs"><a href={paths.clients()}>← {t('client.back')}</a></p>
      <div className="screen-head">
        <h1>{fullName(d.client)}</h1>
        {running ? (
          <a className="btn btn-primary head-action" href={paths.meeting(running.id)} data-testid="continue-meeting">{t('client.continueMeeting')}</a>
        ) : (
          <button type="button" className="btn btn-primary head-action" onClick={() => start.mutate()} disabled={start.isPending}>
            {start.isPending ? t('client.starting') : t('client.startMeeting')}
          </button>
        )}
      </div>
      {start.isError && <p className="form-error" role="alert">{errorMessage(t, start.error)}</p>}
      <LastContact timeline={d.timeline} />
      <div className="client-grid">
        <div className="col">
          <ContactCard key={d.client.id} client={d.client} />
          <CorrectionList clientId={id} />
          <ValueTier clientId={id} />
          <DigitalProfile key={`digital:${d.client.id}`} client={d.client} answers={d.answers} onChange={refresh} />
          <Consents clientId={id} consent={d.consent} history={d.consentHistory} onChange={refresh} />
          <ClientAccess clientId={id} client={d.client} owned={d.owned} onChange={refresh} />
          <Mandates clientId={id} clientName={fullName(d.client)} mandates={d.mandates} onChange={refresh} />
          <SelfAssessment clientId={id} onTaken={refresh} />
          <ClientExport clientId={id} />
          <EraseClient clientId={id} name={fullName(d.client)} />
        </div>
        <div className="col">
          <Conclusions clientId={id} />
          <ClientAppointments clientId={id} />
          <ClientTasks clientId={id} tasks={d.tasks} onChange={refresh} />
          <ClientSales clientId={id} canSell={sells} />
          <ClientFeedback clientId={id} />
          <MeetingList meetings={d.meetings} />
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('client.timeline')}</h2>
            <AddTouchpoint clientId={id} onAdded={refresh} />
            <Timeline items={d.timeline} />
          </section>
        </div>
      </div>
    </main>
  );
}
