import { Link, useRouterState } from '@tanstack/react-router';
import { Select, Segmented, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FundOption, useLabels } from './use-pipeline.js';

/** The pipeline's views, one segmented switch above each of them. */
export function PipelineTabs(props: { fundId?: number | undefined }) {
  const { t } = useTranslation('pipeline');
  const path = useRouterState({ select: (s) => s.location.pathname });
  const search = props.fundId ? { fund: props.fundId } : {};
  const tabs: Array<{ to: string; label: ReactNode; key: string }> = [
    { to: '/pipeline', key: 'board', label: t('tabBoard') },
    { to: '/pipeline/table', key: 'table', label: t('tabTable') },
    { to: '/pipeline/funnel', key: 'funnel', label: t('tabFunnel') },
    { to: '/pipeline/import', key: 'import', label: t('tabImport') },
  ];
  const current = tabs.find((x) => x.to === path)?.key ?? 'board';
  return (
    <Segmented
      value={current}
      data-testid="pipeline-tabs"
      options={tabs.map((x) => ({
        value: x.key,
        label: (
          <Link to={x.to} search={search as never} data-testid={`tab-${x.key}`} style={{ color: 'inherit', display: 'block' }}>
            {x.label}
          </Link>
        ),
      }))}
    />
  );
}

/** A fund picker over the funds of one pipeline kind. */
export function FundSelect(props: { funds: FundOption[]; value: number | undefined; onChange: (id: number) => void; width?: number }) {
  const l = useLabels();
  return (
    <Space>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: props.width ?? 360 }}
        value={props.value}
        onChange={props.onChange}
        data-testid="fund-select"
        options={props.funds.map((f) => ({ value: f.id, label: `${f.code} ${l.name(f.nameZh, f.nameEn)}` }))}
      />
    </Space>
  );
}

/** The fund a page starts on: the one in the URL, else the first the caller manages, else the first. */
export function defaultFund(funds: FundOption[], wanted: number | undefined): FundOption | undefined {
  return funds.find((f) => f.id === wanted) ?? funds.find((f) => f.writable) ?? funds[0];
}
