import { EditOutlined } from '@ant-design/icons';
import { DEAL_SOURCES, ROUNDS } from '@highland/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';
import type { DealFieldsForm } from '../deal-create.js';
import { fenToWan, useDealErrors, useLabels, WanInput, wanToFen } from '../use-pipeline.js';
import type { DealPageData } from './deal-kit.js';

export function DealDetails({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useDealErrors();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const deal = d.deal;
  const update = useMutation(
    trpc.deal.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        void message.success(t('saved'));
        void queryClient.invalidateQueries(trpc.deal.pathFilter());
      },
      onError: errors.onError,
    }),
  );
  const selection = deal.pipeline === 'selection';
  return (
    <Card
      size="small"
      title={t('dealDetails')}
      style={{ marginBottom: 16 }}
      extra={
        d.canWrite && !editing ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit">
            {t('common:edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          size="small"
          initialValues={{
            ownerId: deal.ownerId,
            source: deal.source,
            round: deal.round,
            amountWan: fenToWan(deal.amountFen),
            preMoneyWan: fenToWan(deal.preMoneyFen),
            nextStep: deal.nextStep,
            nextStepDate: deal.nextStepDate ? dayjs(deal.nextStepDate) : null,
          }}
          onFinish={(v: DealFieldsForm) =>
            update.mutate({
              id: deal.id,
              version: deal.version,
              ownerId: v.ownerId ?? null,
              source: v.source as never,
              round: (v.round ?? null) as never,
              amountFen: wanToFen(v.amountWan),
              preMoneyFen: selection ? undefined : wanToFen(v.preMoneyWan),
              nextStep: v.nextStep ?? null,
              nextStepDate: v.nextStepDate ? v.nextStepDate.format('YYYY-MM-DD') : null,
            })
          }
        >
          <Form.Item name="ownerId" label={t('owner')}>
            <Select allowClear options={d.owners.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="source" label={t('source')}>
            <Select options={l.options(DEAL_SOURCES)} />
          </Form.Item>
          {!selection ? (
            <Form.Item name="round" label={t('round')}>
              <Select allowClear options={l.options(ROUNDS)} />
            </Form.Item>
          ) : null}
          <Form.Item name="amountWan" label={selection ? t('motherCommitment') : t('amountWan')}>
            <WanInput data-testid="edit-amount" />
          </Form.Item>
          {!selection ? (
            <Form.Item name="preMoneyWan" label={t('preMoneyWan')}>
              <WanInput />
            </Form.Item>
          ) : null}
          <Form.Item name="nextStep" label={t('nextStep')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="nextStepDate" label={t('nextStepDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="deal-edit-save">
              {t('common:save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common:cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
          <Descriptions.Item label={t('owner')}>{d.owner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('source')}>{l.source(deal.source)}</Descriptions.Item>
          {!selection ? <Descriptions.Item label={t('round')}>{l.round(deal.round)}</Descriptions.Item> : null}
          <Descriptions.Item label={selection ? t('motherCommitment') : t('amount')}>
            <span className="num" data-testid="deal-amount-view">
              {deal.amountFen ? f.money(deal.amountFen) : '—'}
            </span>
          </Descriptions.Item>
          {!selection ? (
            <Descriptions.Item label={t('preMoney')}>
              <span className="num">{deal.preMoneyFen ? f.money(deal.preMoneyFen) : '—'}</span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('nextStep')}>
            {deal.nextStep ?? '—'} {deal.nextStepDate ? <Tag>{deal.nextStepDate}</Tag> : null}
          </Descriptions.Item>
          {deal.closingDate ? (
            <Descriptions.Item label={t('closing')}>
              {t('closingLine', {
                date: deal.closingDate,
                amount: f.money(deal.closingAmountFen ?? 0),
                round: l.round(deal.closingRound),
                equity: f.percent(deal.closingEquity, 2),
                instrument: l.instrument(deal.closingInstrument),
              })}
              {d.closingReversal ? (
                <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="closing-reversed">
                  {t('closingReversed', { reason: d.closingReversal.reason ?? '' })}
                </Tag>
              ) : null}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      )}
    </Card>
  );
}
