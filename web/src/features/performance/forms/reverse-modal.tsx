import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useTRPC } from '../../../lib/trpc.js';
import { useInvalidate } from './kit.js';

/** What a correction reverses: a round or an exit, as the position page shows it. */
export interface ReverseTarget {
  kind: 'round' | 'exit';
  id: number;
  date: string;
  /** The round's amount or the exit's proceeds, formatted. */
  amount: string;
}

/** Reverses a round or an exit recorded in error, with a reason (ADR 033). */
export function ReverseModal(props: { target: ReverseTarget | null; onClose: () => void }) {
  const { t } = useTranslation('position');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const round = useMutation(trpc.portfolio.reverseInvestment.mutationOptions());
  const exit = useMutation(trpc.portfolio.reverseExit.mutationOptions());
  const target = props.target;
  return (
    <FormModal<{ reason: string }>
      title={target?.kind === 'exit' ? t('reverseExitTitle') : t('reverseRoundTitle')}
      open={target !== null}
      onClose={props.onClose}
      testId="reverse-form"
      names={['reason']}
      okText={t('reverseConfirm')}
      doneText={t('reversedDone')}
      danger
      submit={async (v) => {
        if (!target) return;
        if (target.kind === 'round') await round.mutateAsync({ investmentId: target.id, reason: v.reason });
        else await exit.mutateAsync({ exitId: target.id, reason: v.reason });
        await invalidate();
      }}
    >
      <Alert type="warning" showIcon title={t('reverseIntro')} style={{ marginBottom: 12 }} />
      {target ? <p data-testid="reverse-what">{t('reverseWhat', { date: target.date, amount: target.amount })}</p> : null}
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('validation:required') }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('reasonHint')} data-testid="reverse-reason" />
      </Form.Item>
    </FormModal>
  );
}
