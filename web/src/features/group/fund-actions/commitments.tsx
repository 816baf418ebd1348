import { PlusOutlined } from '@ant-design/icons';
import { INVESTOR_SOURCE_CODES, INVESTOR_SOURCES, IsoDateSchema, PositiveMoneyFenSchema } from '@highland/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDateItem, IsoDatePicker, MoneyInput } from '../../../components/ui/money-input.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { ActionModal, type FundActionProps, InvestorSelect, useActionHelpers } from './kit.js';

/** Commitments: a close or single commitments (with a new investor on the spot), and a release of uncalled commitment (ADR 036). */
export function CommitmentModals(props: FundActionProps) {
  const { t } = useTranslation(['group', 'common']);
  const f = useFormat();
  const trpc = useTRPC();
  const commit = useMutation(trpc.ledger.commit.mutationOptions());
  const release = useMutation(trpc.ledger.release.mutationOptions());
  const createInvestor = useMutation(trpc.ledger.createInvestor.mutationOptions());
  const { open, today } = useActionHelpers(props);
  const queryClient = useQueryClient();
  const [newInvestor, setNewInvestor] = useState(false);
  return (
    <>
      <ActionModal<{ date: string; isClose: boolean; lines: Array<{ investorId: number; amountFen: number }>; overrideReason?: string }>
        open={open('commit')}
        title={t('act.commit')}
        onClose={props.onClose}
        testId="commit-form"
        width={720}
        names={['date', 'isClose', 'lines', 'overrideReason']}
        initial={{ date: today, isClose: true, lines: [{ investorId: undefined as unknown as number, amountFen: undefined as unknown as number }] }}
        submit={(v) =>
          commit.mutateAsync({ fundId: props.fundId, date: v.date, isClose: v.isClose, lines: v.lines, overrideReason: v.overrideReason?.trim() || null })
        }
      >
        {() => (
          <>
            <Space size={24} align="start">
              <Form.Item name="date" label={t('f.date')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
                <IsoDatePicker testId="commit-date" />
              </Form.Item>
              <Form.Item name="isClose" label={t('f.isClose')} valuePropName="checked" tooltip={t('f.isCloseHint')}>
                <Switch data-testid="commit-close" />
              </Form.Item>
            </Space>
            <Form.List name="lines">
              {(fields, ops) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" style={{ display: 'flex' }}>
                      <Form.Item
                        name={[field.name, 'investorId']}
                        label={field.name === 0 ? t('f.investor') : undefined}
                        rules={[{ required: true, message: t('validation:required') }]}
                        style={{ width: 380 }}
                      >
                        <InvestorSelect exclude={props.fundId} testId={`commit-investor-${field.name}`} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'amountFen']}
                        label={field.name === 0 ? t('f.amount') : undefined}
                        rules={[zodRule(PositiveMoneyFenSchema, t)]}
                        style={{ width: 220 }}
                      >
                        <MoneyInput testId={`commit-amount-${field.name}`} />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button type="link" danger onClick={() => ops.remove(field.name)} style={{ marginTop: field.name === 0 ? 30 : 0 }}>
                          {t('act.removeLine')}
                        </Button>
                      ) : null}
                    </Space>
                  ))}
                  <Space>
                    <Button icon={<PlusOutlined />} onClick={() => ops.add()} data-testid="commit-add-line">
                      {t('act.addLine')}
                    </Button>
                    <Button type="link" onClick={() => setNewInvestor(true)}>
                      {t('act.newInvestor')}
                    </Button>
                  </Space>
                </>
              )}
            </Form.List>
            <Form.Item name="overrideReason" label={t('f.overrideReason')} tooltip={t('f.overrideHint')} style={{ marginTop: 16 }}>
              <Input.TextArea rows={2} maxLength={500} data-testid="commit-override" />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ nameZh: string; nameEn: string; sourceType: (typeof INVESTOR_SOURCE_CODES)[number] }>
        open={newInvestor}
        title={t('act.newInvestor')}
        onClose={() => setNewInvestor(false)}
        testId="investor-form"
        names={['nameZh', 'nameEn', 'sourceType']}
        initial={{ sourceType: 'private' }}
        submit={async (v) => {
          await createInvestor.mutateAsync(v);
          await queryClient.invalidateQueries(trpc.fund.investorOptions.pathFilter());
        }}
      >
        {() => (
          <>
            <Form.Item name="nameZh" label={t('f.nameZh')} rules={[{ required: true, message: t('validation:required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="nameEn" label={t('f.nameEn')} rules={[{ required: true, message: t('validation:required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="sourceType" label={t('f.sourceType')}>
              <Select
                options={INVESTOR_SOURCE_CODES.filter((s) => s !== 'mother_fund').map((s) => ({
                  value: s,
                  label: INVESTOR_SOURCES[s][f.locale === 'en' ? 'en' : 'zh'],
                }))}
              />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ investorId: number; date: string; amountFen: number; reason: string }>
        open={open('release')}
        title={t('act.release')}
        onClose={props.onClose}
        testId="release-form"
        names={['investorId', 'date', 'amountFen', 'reason']}
        initial={{ date: today }}
        submit={(v) => release.mutateAsync({ fundId: props.fundId, ...v })}
      >
        {() => (
          <>
            <Alert type="info" showIcon title={t('act.releaseHint')} style={{ marginBottom: 12 }} />
            <Form.Item name="investorId" label={t('f.investor')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select
                data-testid="release-investor"
                options={(props.holders ?? [])
                  .filter((h) => h.uncalledFen > 0)
                  .map((h) => ({
                    value: h.investorId,
                    label: t('act.releaseOption', { name: f.name(h), uncalled: f.money(h.uncalledFen) }),
                  }))}
              />
            </Form.Item>
            <Space size={24} align="start">
              <Form.Item name="date" label={t('f.date')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
                <IsoDatePicker testId="release-date" />
              </Form.Item>
              <Form.Item name="amountFen" label={t('f.amount')} rules={[zodRule(PositiveMoneyFenSchema, t)]} style={{ width: 220 }}>
                <MoneyInput testId="release-amount" />
              </Form.Item>
            </Space>
            <Form.Item name="reason" label={t('act.releaseReason')} rules={[{ required: true, whitespace: true, message: t('validation:required') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="release-reason" placeholder={t('act.releaseReasonHint')} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </>
  );
}
