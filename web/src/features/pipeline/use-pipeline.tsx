import {
  DEAL_SOURCES,
  FEN_PER_WAN,
  INSTRUMENTS,
  label,
  type Labelled,
  OWNERSHIP_TYPES,
  PIPELINE_KINDS,
  ROUNDS,
  SECTORS,
  STAGES,
  ZONES,
} from '@highland/shared';
import type { AppRouter } from '@highland/server';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { App, Input, InputNumber, type InputNumberProps, Modal, Tag } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { domainOf, errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';

/** Labels of the shared enumerations in the reader's language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const of = (table: Record<string, Labelled>) => (code: string | null | undefined) => (code ? (table[code] ? label(table[code], lang) : code) : '—');
  return {
    stage: of(STAGES),
    sector: of(SECTORS),
    zone: of(ZONES),
    source: of(DEAL_SOURCES),
    round: of(ROUNDS),
    ownership: of(OWNERSHIP_TYPES),
    instrument: of(INSTRUMENTS),
    pipeline: of(PIPELINE_KINDS),
    /** Select options of an enumeration. */
    options: (table: Record<string, Labelled>, codes?: readonly string[]) =>
      (codes ?? Object.keys(table)).map((value) => ({ value, label: table[value] ? label(table[value], lang) : value })),
    name: (zh: string | null | undefined, en: string | null | undefined) => (lang === 'en' ? en || zh || '' : zh || en || ''),
  };
}

export type Outputs = inferRouterOutputs<AppRouter>;

/** The funds, stage orders, scorecards and owners the pipeline pages offer. */
export function usePipelineOptions() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.pipeline.options.queryOptions(), staleTime: 60_000 });
}

export type PipelineOptions = NonNullable<ReturnType<typeof usePipelineOptions>['data']>;
export type FundOption = PipelineOptions['funds'][number];

const STAGE_COLOR: Record<string, string> = {
  sourced: 'default',
  screening: 'cyan',
  due_diligence: 'blue',
  committee: 'geekblue',
  term_sheet: 'purple',
  closing: 'gold',
  invested: 'green',
  call: 'default',
  expert_review: 'cyan',
  project_dd: 'blue',
  defence: 'geekblue',
  decision: 'purple',
  public_notice: 'gold',
  signing: 'green',
  on_hold: 'orange',
  passed: 'red',
};

export function StageTag(props: { stage: string }) {
  const l = useLabels();
  return (
    <Tag color={STAGE_COLOR[props.stage] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {l.stage(props.stage)}
    </Tag>
  );
}

/** fen ↔ 万元 for inputs (amounts are typed in 万元, stored in fen). */
export const fenToWan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : fen / FEN_PER_WAN);
export const wanToFen = (wan: number | null | undefined) => (wan === null || wan === undefined ? null : Math.round(wan * FEN_PER_WAN));

/** An amount typed in 万元 (two decimals). */
export function WanInput(props: Omit<InputNumberProps<number>, 'precision'>) {
  const { t } = useTranslation('pipeline');
  return <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} suffix={t('wan')} {...props} />;
}

/**
 * What to do with a failed deal mutation: a CONFLICT (someone changed the deal first) offers to reload
 * the current state; anything else is shown as its translated message.
 */
export function useDealErrors() {
  const { t } = useTranslation('pipeline');
  const { modal, message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reload = () => Promise.all([queryClient.invalidateQueries(trpc.deal.pathFilter()), queryClient.invalidateQueries(trpc.pipeline.pathFilter())]);
  return {
    reload,
    onError: (e: unknown) => {
      const d = domainOf(e);
      if (d?.code === 'CONFLICT' && d.key === 'deal.conflict') {
        modal.confirm({
          title: t('conflictTitle'),
          content: t('conflictBody', { version: d.params?.version ?? '' }),
          okText: t('common:reload'),
          cancelText: t('common:cancel'),
          okButtonProps: { 'data-testid': 'conflict-reload' } as never,
          onOk: () => reload(),
        });
        return;
      }
      void message.error({ content: <span data-testid="move-error">{errorMessage(e, t)}</span>, duration: 6 });
    },
  };
}

/** The frame of every form dialog of the pipeline: save/create/confirm and cancel, busy while sending. */
export function FormModal(props: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  ok?: 'save' | 'create' | 'confirm';
  okTestId?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width}
      onCancel={props.onClose}
      onOk={props.onSubmit}
      okText={t(`common:${props.ok ?? 'save'}`)}
      cancelText={t('common:cancel')}
      confirmLoading={props.busy}
      okButtonProps={props.okTestId ? ({ 'data-testid': props.okTestId } as never) : undefined}
      destroyOnHidden
    >
      {props.children}
    </Modal>
  );
}

/** A search box that reports what was typed once typing pauses; follows `value` when it is set from outside. */
export function SearchBox(props: { value: string; onChange: (q: string) => void; placeholder: string; width: number; testId: string }) {
  const [typed, setTyped] = useState(props.value);
  const { onChange, value } = props;
  useEffect(() => setTyped(value), [value]);
  useEffect(() => {
    if (typed.trim() === value) return;
    const h = setTimeout(() => onChange(typed.trim()), 300);
    return () => clearTimeout(h);
  }, [typed, value, onChange]);
  return (
    <Input.Search
      allowClear
      placeholder={props.placeholder}
      style={{ width: props.width }}
      value={typed}
      onChange={(e) => setTyped(e.target.value)}
      data-testid={props.testId}
    />
  );
}
