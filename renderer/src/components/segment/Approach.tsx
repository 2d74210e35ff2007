// How to approach a client of this segment: channels, kind of argument,
// product type, whether a personal push is welcome, and the assistant app.
import { useTranslation } from 'react-i18next';
import type { Approach as ApproachData } from '#core/segments/index.ts';
import { useLang } from '../../hooks/useLang.ts';

export function Approach({ approach }: { approach: ApproachData }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section data-testid="segment-approach">
      <h3>{t('segment.approach')}</h3>
      <p>{approach.text[lang]}</p>
      <ul className="facts">
        <li>{t('segment.channels')}: {approach.channels.map((c) => t(`segment.channel.${c}`)).join(', ')}</li>
        <li>{t(`segment.argument.${approach.argument}`)} · {t(`segment.product.${approach.product}`)} · {approach.personal_push ? t('segment.push.yes') : t('segment.push.no')}</li>
        {approach.assistant && <li>{t('segment.assistant')}: {approach.assistant[lang]}</li>}
      </ul>
    </section>
  );
}
