import { NavStatementSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { IsoDatePicker, isoDateItem, MoneyInput } from '../../../components/ui/money-input.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { useInvalidate } from './kit.js';

type NavValues = { date: string; navFen: number | null; source: string };

/** A NAV the fund's administrator reported, beside the NAV computed from the books. */
export function NavStatementModal(props: { open: boolean; onClose: () => void; fundId: number }) {
  const { t } = useTranslation('performance');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const add = useMutation(trpc.ledger.nav.mutationOptions());
  const s = NavStatementSchema.shape;
  return (
    <FormModal<NavValues>
      title={t('addNav')}
      open={props.open}
      onClose={props.onClose}
      testId="nav-form"
      names={['date', 'navFen', 'source']}
      submit={async (v) => {
        await add.mutateAsync({ fundId: props.fundId, date: v.date, navFen: v.navFen ?? Number.NaN, source: v.source });
        await invalidate();
      }}
    >
      <Form.Item name="date" label={t('date')} required rules={[zodRule(s.date, t)]} {...isoDateItem}>
        <IsoDatePicker />
      </Form.Item>
      <Form.Item name="navFen" label={t('reported')} required rules={[zodRule(s.navFen, t)]}>
        <MoneyInput testId="nav-value" />
      </Form.Item>
      <Form.Item name="source" label={t('source')} required rules={[zodRule(s.source, t)]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
