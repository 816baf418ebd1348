import type { inferRouterOutputs } from '@trpc/server';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';
import type { AppRouter } from '../../lib/trpc.js';

/** KS-PME against each index held, as `performance.fund` and `lp.portal` return it. */
type PmeFigure = inferRouterOutputs<AppRouter>['performance']['fund']['pme'][number];

/**
 * The line under a net IRR: KS-PME against the first index that gives a figure (or why the first one cannot),
 * with what it means on hover. Nothing when no index is held or nothing has been paid in.
 */
export function PmeNote(props: { pme: ReadonlyArray<PmeFigure> | undefined }) {
  const { t } = useTranslation('common');
  const f = useFormat();
  const list = props.pme ?? [];
  const shown = list.find((p) => p.value !== null) ?? list.find((p) => p.reason === 'notCovered');
  if (!shown) return null;
  const index = f.locale === 'en' ? shown.nameEn : shown.nameZh;
  return (
    <Tooltip title={t('pmeHint')}>
      <span data-testid={`pme-${shown.code}`}>
        {shown.value === null ? t('pmeNotCovered', { index }) : t('pme', { value: f.number(shown.value, 2), index })}
      </span>
    </Tooltip>
  );
}
