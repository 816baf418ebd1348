import { KPI_METRIC_CODES, KPI_METRICS, KpiSnapshotCreateSchema, label } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, InputNumber, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { MoneyInput } from '../../../components/ui/money-input.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { useInvalidate } from './kit.js';

type KpiValues = { period: string; cumulative: boolean } & Partial<Record<(typeof KPI_METRIC_CODES)[number], number | null>>;

/** One company's KPIs for a period: money figures in the money field (fen), counts as numbers. */
export function KpiModal(props: { open: boolean; onClose: () => void; companyId: number }) {
  const { t, i18n } = useTranslation('position');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const add = useMutation(trpc.portfolio.addKpi.mutationOptions());
  const s = KpiSnapshotCreateSchema.shape;
  return (
    <FormModal<KpiValues>
      title={t('addKpi')}
      open={props.open}
      onClose={props.onClose}
      testId="kpi-form"
      names={['period', 'cumulative', ...KPI_METRIC_CODES]}
      initialValues={{ cumulative: false }}
      submit={async (v) => {
        const figures = Object.fromEntries(KPI_METRIC_CODES.map((k) => [k, v[k] ?? null]));
        await add.mutateAsync({ companyId: props.companyId, period: v.period, cumulative: v.cumulative, ...figures });
        await invalidate();
      }}
    >
      <Space.Compact block>
        <Form.Item name="period" label={t('period')} required rules={[zodRule(s.period, t)]} style={{ width: '50%' }} extra="2025 / 2026H1 / 2026Q3">
          <Input data-testid="kpi-period" />
        </Form.Item>
        <Form.Item name="cumulative" label={t('cumulativeYes')} valuePropName="checked" style={{ width: '50%' }}>
          <Switch />
        </Form.Item>
      </Space.Compact>
      {KPI_METRIC_CODES.map((k) => (
        <Form.Item key={k} name={k} label={label(KPI_METRICS[k], i18n.language)}>
          {KPI_METRICS[k].money ? <MoneyInput testId={`kpi-${k}`} /> : <InputNumber style={{ width: '100%' }} min={0} data-testid={`kpi-${k}`} />}
        </Form.Item>
      ))}
    </FormModal>
  );
}
