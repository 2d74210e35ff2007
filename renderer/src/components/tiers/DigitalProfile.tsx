// The client's digital target group and adoption step, saved as they are
// chosen, and the one next action that would move them up a step.
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADOPTION_STEPS, DIGITAL_GROUPS, nextAdoptionAction, type AdoptionStep, type DigitalGroup } from '#core/adoption.ts';
import type { ClientDetail } from '#contract/views.ts';
import { useLang } from '../../hooks/useLang.ts';
import { errorMessage } from '../../problems.ts';
import { client } from '../../rpc.ts';

interface Props { client: ClientDetail['client']; answers: ClientDetail['answers']; onChange: () => void }

const known = <T extends string>(list: readonly T[], v: string | null): T | null => (v !== null && (list as readonly string[]).includes(v) ? v as T : null);

export function DigitalProfile({ client: c, answers, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  // Shown as chosen at once; the core's answer follows.
  const [group, setGroup] = useState(known(DIGITAL_GROUPS, c.digitalGroup));
  const [step, setStep] = useState(known(ADOPTION_STEPS, c.adoptionStep));
  const save = useMutation({
    mutationFn: (patch: { digitalGroup?: DigitalGroup | null; adoptionStep?: AdoptionStep | null }) => client.clients.update({ id: c.id, patch }),
    onSuccess: onChange,
  });
  const app = answers.find((a) => a.attribute === 'assistant_app')?.value;
  const action = nextAdoptionAction(group, step, typeof app === 'string' ? app : null);
  return (
    <section className="card" aria-labelledby="digital-title" data-testid="digital-profile">
      <h2 id="digital-title">{t('digital.title')}</h2>
      <p className="muted small">{t('digital.explain')}</p>
      <div className="form-row">
        <div className="field">
          <div className="field-head"><label htmlFor={`${id}-group`}>{t('digital.group')}</label></div>
          <select id={`${id}-group`} value={group ?? ''} data-testid="digital-group" onChange={(e) => {
            const v = known(DIGITAL_GROUPS, e.target.value);
            setGroup(v);
            save.mutate({ digitalGroup: v });
          }}>
            <option value="">{t('digital.unknown')}</option>
            {DIGITAL_GROUPS.map((g) => <option key={g} value={g}>{t(`digital.groups.${g}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <div className="field-head"><label htmlFor={`${id}-step`}>{t('digital.step')}</label></div>
          <select id={`${id}-step`} value={step ?? ''} data-testid="adoption-step" onChange={(e) => {
            const v = known(ADOPTION_STEPS, e.target.value);
            setStep(v);
            save.mutate({ adoptionStep: v });
          }}>
            <option value="">{t('digital.unknown')}</option>
            {ADOPTION_STEPS.map((s) => <option key={s} value={s}>{t(`digital.steps.${s}`)}</option>)}
          </select>
        </div>
      </div>
      {save.isSuccess && <p className="save save-ok small" role="status">{t('digital.saved')}</p>}
      {save.isError && <p className="form-error" role="alert">{errorMessage(t, save.error)}</p>}
      <p className="next-action" data-testid="next-action" data-code={action.code}>
        <strong>{t('digital.next')}:</strong> {action[lang]}
      </p>
    </section>
  );
}
