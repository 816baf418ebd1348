import { CapitalCallSchema, IsoDateSchema, PositiveMoneyFenSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isoDateItem, IsoDatePicker, MoneyInput } from '../../../components/ui/money-input.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { ActionModal, type FundActionProps, useActionHelpers } from './kit.js';

/** Cash: a capital call, LPs' payments of it, distributions and fees. */
export function CashModals(props: FundActionProps) {
  const { t } = useTranslation(['group', 'common']);
  const trpc = useTRPC();
  const call = useMutation(trpc.ledger.capitalCall.mutationOptions());
  const contribute = useMutation(trpc.ledger.contribute.mutationOptions());
  const distribute = useMutation(trpc.ledger.distribute.mutationOptions());
  const fee = useMutation(trpc.ledger.fee.mutationOptions());
  const { open, lpName, today, inDays } = useActionHelpers(props);
  return (
    <>
      <ActionModal<{ noticeDate: string; dueDate: string; totalFen: number; purpose?: string }>
        open={open('call')}
        title={t('act.call')}
        onClose={props.onClose}
        testId="call-form"
        names={['noticeDate', 'dueDate', 'totalFen', 'purpose']}
        initial={{ noticeDate: today, dueDate: inDays(15) }}
        submit={(v) => call.mutateAsync({ fundId: props.fundId, ...v })}
      >
        {() => (
          <>
            <Typography.Paragraph type="secondary">{t('act.callHint')}</Typography.Paragraph>
            <Space size={16}>
              <Form.Item name="noticeDate" label={t('f.noticeDate')} rules={[zodRule(CapitalCallSchema.shape.noticeDate, t)]} {...isoDateItem}>
                <IsoDatePicker />
              </Form.Item>
              <Form.Item name="dueDate" label={t('f.dueDate')} rules={[zodRule(CapitalCallSchema.shape.dueDate, t)]} {...isoDateItem}>
                <IsoDatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="totalFen" label={t('f.total')} rules={[zodRule(PositiveMoneyFenSchema, t)]}>
              <MoneyInput testId="call-total" />
            </Form.Item>
            <Form.Item name="purpose" label={t('f.purpose')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ date: string; lines: Array<{ investorId: number; amountFen: number }> }>
        open={open('contribute')}
        title={t('act.contribute')}
        onClose={props.onClose}
        testId="contribute-form"
        width={640}
        names={['date', 'lines']}
        initial={{ date: today, lines: props.lps.filter((l) => l.outstandingFen > 0).map((l) => ({ investorId: l.investorId, amountFen: l.outstandingFen })) }}
        submit={(v) => contribute.mutateAsync({ callId: props.callId ?? 0, date: v.date, lines: v.lines.filter((l) => l.amountFen > 0) })}
      >
        {() => (
          <>
            <Form.Item name="date" label={t('f.paidDate')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
              <IsoDatePicker />
            </Form.Item>
            <Form.List name="lines">
              {(fields) =>
                fields.map((field) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'investorId']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item shouldUpdate noStyle>
                      {(form) => <div style={{ width: 300, paddingTop: 6 }}>{lpName(form.getFieldValue(['lines', field.name, 'investorId']))}</div>}
                    </Form.Item>
                    <Form.Item name={[field.name, 'amountFen']} style={{ width: 240 }}>
                      <MoneyInput />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
          </>
        )}
      </ActionModal>

      {(['distribute', 'fee'] as const).map((kind) => (
        <ActionModal<{ date: string; totalFen: number; memo?: string }>
          key={kind}
          open={open(kind)}
          title={t(`act.${kind}`)}
          onClose={props.onClose}
          testId={`${kind}-form`}
          names={['date', 'totalFen', 'memo', 'lines']}
          initial={{ date: today }}
          submit={(v) => (kind === 'distribute' ? distribute : fee).mutateAsync({ fundId: props.fundId, date: v.date, totalFen: v.totalFen, memo: v.memo })}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">{t(kind === 'distribute' ? 'act.distributeHint' : 'act.feeHint')}</Typography.Paragraph>
              <Form.Item name="date" label={t('f.date')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
                <IsoDatePicker />
              </Form.Item>
              <Form.Item name="totalFen" label={t('f.total')} rules={[zodRule(PositiveMoneyFenSchema, t)]}>
                <MoneyInput testId={`${kind}-total`} />
              </Form.Item>
              <Form.Item name="memo" label={t('f.memo')}>
                <Input maxLength={500} />
              </Form.Item>
            </>
          )}
        </ActionModal>
      ))}
    </>
  );
}
