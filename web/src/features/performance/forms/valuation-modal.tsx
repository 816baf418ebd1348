import { VALUATION_METHOD_CODES, VALUATION_METHODS, ValuationCreateSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { IsoDatePicker, isoDateItem, MoneyInput } from '../../../components/ui/money-input.js';
import { todayIso } from '../../../lib/business-date.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { Labelled, useInvalidate } from './kit.js';

type MarkValues = { date: string; valueFen: number | null; method: (typeof VALUATION_METHOD_CODES)[number]; basis: string };

/** A new mark on a holding: its value, the method and the basis (required, as the server requires them). */
export function ValuationModal(props: { open: boolean; onClose: () => void; fundId: number; companyId: number }) {
  const { t } = useTranslation('position');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const add = useMutation(trpc.portfolio.addValuation.mutationOptions());
  const s = ValuationCreateSchema.shape;
  return (
    <FormModal<MarkValues>
      title={t('addMark')}
      open={props.open}
      onClose={props.onClose}
      testId="mark-form"
      names={['date', 'valueFen', 'method', 'basis']}
      initialValues={{ method: 'comparables', date: todayIso() }}
      submit={async (v) => {
        await add.mutateAsync({
          fundId: props.fundId,
          companyId: props.companyId,
          date: v.date,
          valueFen: v.valueFen ?? Number.NaN,
          method: v.method,
          basis: v.basis,
        });
        await invalidate();
      }}
    >
      <Space.Compact block>
        <Form.Item name="date" label={t('date')} required rules={[zodRule(s.date, t)]} style={{ width: '50%' }} {...isoDateItem}>
          <IsoDatePicker testId="mark-date" />
        </Form.Item>
        <Form.Item name="method" label={t('method')} required rules={[{ required: true, message: t('validation:required') }]} style={{ width: '50%' }}>
          <Select options={VALUATION_METHOD_CODES.map((m) => ({ value: m, label: <Labelled item={VALUATION_METHODS[m]} /> }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="valueFen" label={t('value')} required rules={[zodRule(s.valueFen, t)]}>
        <MoneyInput testId="mark-value" />
      </Form.Item>
      <Form.Item name="basis" label={t('basis')} required rules={[zodRule(s.basis, t)]}>
        <Input.TextArea rows={3} maxLength={500} data-testid="mark-basis" />
      </Form.Item>
    </FormModal>
  );
}
