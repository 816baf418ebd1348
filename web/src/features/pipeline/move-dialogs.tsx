import { INSTRUMENTS, isSideStage, type PipelineKind, ROUNDS, SigningSchema, type Stage, stageOrder, type StageOrder, wonStage } from '@highland/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';
import { todayIso } from '../../lib/business-date.js';
import { FormModal, useDealErrors, useLabels, WanInput, wanToFen } from './use-pipeline.js';

export type MoveExtras = {
  reason?: string | null;
  closing?: { date: string; amountFen: number; round: string; equity: number; instrument: string };
  signing?: { fundCode: string; fundNameZh: string; fundNameEn: string; batch: number | null; commitmentFen: number; date: string };
};

/** What a move asks for before it is sent: a reason (pass, back, hold), the closing (invested) or the signing. */
export type MoveAsk =
  | { kind: 'reason'; required: boolean; to: string }
  | { kind: 'closing'; amountFen: number | null; round: string | null }
  | { kind: 'signing'; amountFen: number | null; nameZh: string | null; nameEn: string | null };

export function MoveDialog(props: { ask: MoveAsk | null; busy: boolean; onCancel: () => void; onOk: (extras: MoveExtras) => void }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const [form] = Form.useForm();
  const ask = props.ask;
  const title =
    ask?.kind === 'closing'
      ? t('closingTitle')
      : ask?.kind === 'signing'
        ? t('signingTitle')
        : ask?.kind === 'reason'
          ? t('reasonTitle', { stage: l.stage(ask.to) })
          : '';
  return (
    <FormModal open={ask !== null} title={title} onClose={props.onCancel} onSubmit={() => form.submit()} ok="confirm" busy={props.busy} okTestId="move-confirm">
      {ask?.kind === 'reason' ? (
        <Form form={form} layout="vertical" onFinish={(v: { reason?: string }) => props.onOk({ reason: v.reason?.trim() || null })} data-testid="reason-form">
          <Form.Item name="reason" label={t('reason')} rules={ask.required ? [{ required: true, whitespace: true, message: t('reasonRequired') }] : []}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="move-reason" placeholder={t('reasonPlaceholder')} />
          </Form.Item>
        </Form>
      ) : null}
      {ask?.kind === 'closing' ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            amountWan: ask.amountFen ? ask.amountFen / 1_000_000 : null,
            round: ask.round ?? 'a',
            instrument: 'preferred_equity',
            date: dayjs(todayIso()),
          }}
          onFinish={(v: { date: dayjs.Dayjs; amountWan: number; round: string; equityPct: number; instrument: string }) =>
            props.onOk({
              closing: {
                date: v.date.format('YYYY-MM-DD'),
                amountFen: wanToFen(v.amountWan) ?? 0,
                round: v.round,
                equity: v.equityPct / 100,
                instrument: v.instrument,
              },
            })
          }
        >
          <Form.Item name="date" label={t('closingDate')} rules={[{ required: true, message: t('validation:required') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="amountWan" label={t('closingAmount')} rules={[{ required: true, message: t('validation:required') }]}>
            <WanInput />
          </Form.Item>
          <Form.Item name="round" label={t('round')} rules={[{ required: true, message: t('validation:required') }]}>
            <Select options={l.options(ROUNDS)} />
          </Form.Item>
          <Form.Item name="equityPct" label={t('equityPct')} rules={[{ required: true, message: t('validation:required') }]}>
            <InputNumber<number> min={0.01} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="instrument" label={t('instrument')}>
            <Select options={l.options(INSTRUMENTS)} />
          </Form.Item>
          <div className="hl-hint">{t('closingHint')}</div>
        </Form>
      ) : null}
      {ask?.kind === 'signing' ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            commitmentWan: ask.amountFen ? ask.amountFen / 1_000_000 : null,
            fundNameZh: ask.nameZh,
            fundNameEn: ask.nameEn,
            date: dayjs(todayIso()),
          }}
          onFinish={(v: { fundCode: string; fundNameZh: string; fundNameEn: string; batch?: number; commitmentWan: number; date: dayjs.Dayjs }) =>
            props.onOk({
              signing: {
                fundCode: v.fundCode,
                fundNameZh: v.fundNameZh,
                fundNameEn: v.fundNameEn,
                batch: v.batch ?? null,
                commitmentFen: wanToFen(v.commitmentWan) ?? 0,
                date: v.date.format('YYYY-MM-DD'),
              },
            })
          }
        >
          <Form.Item
            name="fundCode"
            label={t('fundCode')}
            rules={[{ required: true, message: t('validation:required') }, zodRule(SigningSchema.shape.fundCode, t)]}
          >
            <Input placeholder="SF-26" />
          </Form.Item>
          <Form.Item name="fundNameZh" label={t('fundNameZh')} rules={[{ required: true, message: t('validation:required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="fundNameEn" label={t('fundNameEn')} rules={[{ required: true, message: t('validation:required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="batch" label={t('batch')}>
            <InputNumber<number> min={1} max={50} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="commitmentWan" label={t('motherCommitment')} rules={[{ required: true, message: t('validation:required') }]}>
            <WanInput />
          </Form.Item>
          <Form.Item name="date" label={t('signingDate')} rules={[{ required: true, message: t('validation:required') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <div className="hl-hint">{t('signingHint')}</div>
        </Form>
      ) : null}
    </FormModal>
  );
}

export interface MovableDeal {
  id: number;
  version: number;
  stage: string;
  amountFen: number | null;
  round?: string | null;
  nameZh?: string | null;
  nameEn?: string | null;
}

/**
 * Moving a deal from anywhere (board drag, deal page buttons): asks for what the move needs (a reason
 * to pass or go back, the closing, the signing), sends it, and reports a refusal in words. The server's
 * state machine decides; `onRefused` receives the translated reason.
 */
export function useDealMove(opts: { pipeline: PipelineKind; order: StageOrder; onRefused?: (message: string, dealId: number) => void; onMoved?: () => void }) {
  const { t } = useTranslation('pipeline');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useDealErrors();
  const l = useLabels();
  const [pending, setPending] = useState<{ deal: MovableDeal; to: Stage; ask: MoveAsk } | null>(null);
  const move = useMutation(trpc.deal.move.mutationOptions());
  const send = (deal: MovableDeal, to: Stage, extras: MoveExtras) =>
    move.mutate(
      {
        id: deal.id,
        version: deal.version,
        to,
        reason: extras.reason ?? null,
        ...(extras.closing ? { closing: extras.closing as never } : {}),
        ...(extras.signing ? { signing: extras.signing } : {}),
      },
      {
        onSuccess: () => {
          setPending(null);
          void message.success(t('moved', { stage: l.stage(to) }));
          void queryClient.invalidateQueries(trpc.deal.pathFilter());
          void queryClient.invalidateQueries(trpc.pipeline.funnel.pathFilter());
          opts.onMoved?.();
        },
        onError: (e) => {
          setPending(null);
          errors.onError(e);
          opts.onRefused?.(errorMessage(e, t), deal.id);
        },
      },
    );
  const request = (deal: MovableDeal, to: Stage) => {
    if (deal.stage === to) return;
    const order = stageOrder(opts.pipeline, opts.order) as readonly string[];
    const back = !isSideStage(deal.stage as Stage) && !isSideStage(to) && order.indexOf(to) < order.indexOf(deal.stage);
    let ask: MoveAsk | null = null;
    if (to === 'passed' || back) ask = { kind: 'reason', required: true, to };
    else if (to === 'on_hold') ask = { kind: 'reason', required: false, to };
    else if (to === wonStage(opts.pipeline) && !isSideStage(deal.stage as Stage))
      ask =
        opts.pipeline === 'direct'
          ? { kind: 'closing', amountFen: deal.amountFen, round: deal.round ?? null }
          : { kind: 'signing', amountFen: deal.amountFen, nameZh: deal.nameZh ?? null, nameEn: deal.nameEn ?? null };
    if (ask) setPending({ deal, to, ask });
    else send(deal, to, {});
  };
  const dialog = (
    <MoveDialog
      ask={pending?.ask ?? null}
      busy={move.isPending}
      onCancel={() => setPending(null)}
      onOk={(extras) => pending && send(pending.deal, pending.to, extras)}
    />
  );
  return { request, dialog, busy: move.isPending };
}
