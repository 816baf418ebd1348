import { EXIT_ROUTE_CODES, EXIT_ROUTES, ExitCreateSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { IsoDatePicker, isoDateItem, MoneyInput } from '../../../components/ui/money-input.js';
import { todayIso } from '../../../lib/business-date.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { Labelled, percentRule, useInvalidate } from './kit.js';

type ExitValues = { date: string; route: (typeof EXIT_ROUTE_CODES)[number]; shareSold: number; proceedsFen: number; memo?: string };

/** Selling part or all of a holding: the share sold and what it brought. */
export function ExitModal(props: { open: boolean; onClose: () => void; fundId: number; companyId: number; heldShare: number }) {
  const { t } = useTranslation('position');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const record = useMutation(trpc.portfolio.recordExit.mutationOptions());
  const s = ExitCreateSchema.shape;
  const heldPct = props.heldShare * 100;
  return (
    <FormModal<ExitValues>
      title={t('exit')}
      open={props.open}
      onClose={props.onClose}
      testId="exit-form"
      names={['date', 'route', 'shareSold', 'proceedsFen', 'memo']}
      initialValues={{ date: todayIso(), route: 'secondary' }}
      submit={async (v) => {
        await record.mutateAsync({
          fundId: props.fundId,
          companyId: props.companyId,
          date: v.date,
          route: v.route,
          // "All" is the holding to the last digit, not a rounded percentage.
          shareSold: Math.abs(v.shareSold - heldPct) < 1e-9 ? props.heldShare : v.shareSold / 100,
          proceedsFen: v.proceedsFen,
          memo: v.memo,
        });
        await invalidate();
      }}
    >
      <Alert type="info" showIcon title={t('held', { share: `${heldPct.toFixed(4)}%` })} style={{ marginBottom: 12 }} />
      <Space.Compact block>
        <Form.Item name="date" label={t('date')} required rules={[zodRule(s.date, t)]} style={{ width: '50%' }} {...isoDateItem}>
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="route" label={t('route')} required rules={[{ required: true, message: t('validation:required') }]} style={{ width: '50%' }}>
          <Select options={EXIT_ROUTE_CODES.map((r) => ({ value: r, label: <Labelled item={EXIT_ROUTES[r]} /> }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="shareSold" label={t('shareSold')} required rules={[percentRule(s.shareSold, t)]}>
        <InputNumber style={{ width: '100%' }} min={0} step={0.1} suffix="%" data-testid="exit-share" />
      </Form.Item>
      <Form.Item name="proceedsFen" label={t('proceeds')} required rules={[zodRule(s.proceedsFen, t)]}>
        <MoneyInput testId="exit-proceeds" />
      </Form.Item>
      <Form.Item name="memo" label={t('note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
