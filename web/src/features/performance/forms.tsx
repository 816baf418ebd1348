import {
  EXIT_ROUTE_CODES,
  EXIT_ROUTES,
  ExitCreateSchema,
  INSTRUMENT_CODES,
  INSTRUMENTS,
  InvestmentCreateSchema,
  KPI_METRIC_CODES,
  KPI_METRICS,
  KpiSnapshotCreateSchema,
  label,
  NavStatementSchema,
  ROUND_CODES,
  ROUNDS,
  VALUATION_METHOD_CODES,
  VALUATION_METHODS,
  ValuationCreateSchema,
} from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormModal } from '../../components/ui/form-modal.js';
import { errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';

const FEN_PER_WAN = 1_000_000;
const toFen = (wan: number | null | undefined) => (wan == null ? undefined : Math.round(wan * FEN_PER_WAN));
const toIso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** A rule for a money field typed in 万元 and checked, in fen, against the schema the server uses. */
function wanRule(schema: z.ZodType, t: Parameters<typeof zodRule>[1]) {
  const rule = zodRule(schema, t) as { validator: (r: unknown, v: unknown) => Promise<void> };
  return { validator: (r: unknown, v: number | null) => rule.validator(r, toFen(v)) };
}
/** A share typed in percent and checked, as a fraction, against the schema. */
function percentRule(schema: z.ZodType, t: Parameters<typeof zodRule>[1]) {
  const rule = zodRule(schema, t) as { validator: (r: unknown, v: unknown) => Promise<void> };
  return { validator: (r: unknown, v: number | null) => rule.validator(r, v == null ? undefined : v / 100) };
}
/** The same for a date picker (the schema wants an ISO string). */
function dateRule(schema: z.ZodType, t: Parameters<typeof zodRule>[1]) {
  const rule = zodRule(schema, t) as { validator: (r: unknown, v: unknown) => Promise<void> };
  return { validator: (r: unknown, v: Dayjs | null) => rule.validator(r, toIso(v)) };
}

function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries(trpc.portfolio.pathFilter()),
      qc.invalidateQueries(trpc.performance.pathFilter()),
      qc.invalidateQueries(trpc.fund.pathFilter()),
    ]).then(() => undefined);
}

type InvestmentValues = {
  companyId: number;
  date: Dayjs;
  round: string;
  instrument: string;
  amountFen: number;
  equityShare: number;
  roundSizeFen?: number | null;
  postMoneyFen?: number | null;
  coInvestors?: string[];
  memo?: string;
};

/** A new round: a first investment in a company (pick it) or a follow-on (the company given). */
export function InvestmentModal(props: { open: boolean; onClose: () => void; fundId: number; company?: { id: number; name: string } }) {
  const { t } = useTranslation('position');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [q, setQ] = useState('');
  const options = useQuery({ ...trpc.portfolio.companyOptions.queryOptions({ q }), enabled: props.open && !props.company });
  const create = useMutation(trpc.portfolio.createInvestment.mutationOptions());
  const s = InvestmentCreateSchema.shape;
  return (
    <FormModal<InvestmentValues>
      title={props.company ? `${t('followOn')} · ${props.company.name}` : t('performance:newInvestment')}
      open={props.open}
      onClose={props.onClose}
      testId="investment-form"
      names={['companyId', 'date', 'round', 'instrument', 'amountFen', 'equityShare', 'roundSizeFen', 'postMoneyFen', 'coInvestors', 'memo']}
      initialValues={{ companyId: props.company?.id, instrument: 'preferred_equity', date: dayjs() }}
      submit={async (v) => {
        await create.mutateAsync({
          fundId: props.fundId,
          companyId: v.companyId,
          date: toIso(v.date) ?? '',
          round: v.round as (typeof ROUND_CODES)[number],
          instrument: v.instrument as (typeof INSTRUMENT_CODES)[number],
          amountFen: toFen(v.amountFen) ?? 0,
          equityShare: v.equityShare / 100,
          roundSizeFen: toFen(v.roundSizeFen) ?? null,
          postMoneyFen: toFen(v.postMoneyFen) ?? null,
          coInvestors: v.coInvestors ?? [],
          memo: v.memo,
        });
        await invalidate();
      }}
    >
      <Form.Item
        name="companyId"
        label={t('performance:company')}
        rules={[{ required: true, message: t('validation:required') }]}
        hidden={Boolean(props.company)}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          data-testid="investment-company"
          placeholder={t('performance:search')}
          loading={options.isFetching}
          options={(options.data ?? []).map((c) => ({ value: c.id, label: `${c.nameZh}${c.uscc ? ` · ${c.uscc}` : ''}` }))}
        />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="date" label={t('date')} rules={[dateRule(s.date, t)]} style={{ width: '34%' }}>
          <DatePicker style={{ width: '100%' }} data-testid="investment-date" />
        </Form.Item>
        <Form.Item name="round" label={t('round')} rules={[{ required: true, message: t('validation:required') }]} style={{ width: '33%' }}>
          <Select data-testid="investment-round" options={ROUND_CODES.map((r) => ({ value: r, label: <Labelled item={ROUNDS[r]} /> }))} />
        </Form.Item>
        <Form.Item name="instrument" label={t('instrument')} rules={[{ required: true, message: t('validation:required') }]} style={{ width: '33%' }}>
          <Select options={INSTRUMENT_CODES.map((i) => ({ value: i, label: <Labelled item={INSTRUMENTS[i]} /> }))} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="amountFen" label={`${t('amount')}（${t('wan')}）`} rules={[wanRule(s.amountFen, t)]} style={{ width: '50%' }}>
          <InputNumber style={{ width: '100%' }} min={0} step={100} data-testid="investment-amount" />
        </Form.Item>
        <Form.Item name="equityShare" label={`${t('equityShare')}（%）`} rules={[percentRule(s.equityShare, t)]} style={{ width: '50%' }}>
          <InputNumber style={{ width: '100%' }} min={0} max={100} step={0.1} data-testid="investment-share" />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="roundSizeFen" label={`${t('roundSize')}（${t('wan')}）`} style={{ width: '50%' }}>
          <InputNumber style={{ width: '100%' }} min={0} step={100} />
        </Form.Item>
        <Form.Item name="postMoneyFen" label={`${t('postMoney')}（${t('wan')}）`} style={{ width: '50%' }}>
          <InputNumber style={{ width: '100%' }} min={0} step={1000} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="coInvestors" label={t('coInvestors')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="memo" label={t('note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** Shows a reference item in the reader's language. */
function Labelled(props: { item: { zh: string; en: string } }) {
  const { i18n } = useTranslation();
  return <>{label(props.item, i18n.language)}</>;
}

type ExitValues = { date: Dayjs; route: string; shareSold: number; proceedsFen: number; memo?: string };

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
      initialValues={{ date: dayjs(), route: 'secondary' }}
      submit={async (v) => {
        await record.mutateAsync({
          fundId: props.fundId,
          companyId: props.companyId,
          date: toIso(v.date) ?? '',
          route: v.route as (typeof EXIT_ROUTE_CODES)[number],
          // "All" is the holding to the last digit, not a rounded percentage.
          shareSold: Math.abs(v.shareSold - heldPct) < 1e-9 ? props.heldShare : v.shareSold / 100,
          proceedsFen: toFen(v.proceedsFen) ?? 0,
          memo: v.memo,
        });
        await invalidate();
      }}
    >
      <Alert type="info" showIcon title={t('held', { share: `${heldPct.toFixed(4)}%` })} style={{ marginBottom: 12 }} />
      <Space.Compact block>
        <Form.Item name="date" label={t('date')} rules={[dateRule(s.date, t)]} style={{ width: '50%' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="route" label={t('route')} rules={[{ required: true, message: t('validation:required') }]} style={{ width: '50%' }}>
          <Select options={EXIT_ROUTE_CODES.map((r) => ({ value: r, label: <Labelled item={EXIT_ROUTES[r]} /> }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="shareSold" label={`${t('shareSold')}（%）`} rules={[percentRule(s.shareSold, t)]}>
        <InputNumber style={{ width: '100%' }} min={0} step={0.1} data-testid="exit-share" />
      </Form.Item>
      <Form.Item name="proceedsFen" label={`${t('proceeds')}（${t('wan')}）`} rules={[wanRule(s.proceedsFen, t)]}>
        <InputNumber style={{ width: '100%' }} min={0} step={100} data-testid="exit-proceeds" />
      </Form.Item>
      <Form.Item name="memo" label={t('note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

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

type MarkValues = { date: Dayjs; valueFen: number; method: string; basis: string };

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
      initialValues={{ method: 'comparables', date: dayjs() }}
      submit={async (v) => {
        await add.mutateAsync({
          fundId: props.fundId,
          companyId: props.companyId,
          date: toIso(v.date) ?? '',
          valueFen: v.valueFen == null ? Number.NaN : Math.round(v.valueFen * FEN_PER_WAN),
          method: v.method as (typeof VALUATION_METHOD_CODES)[number],
          basis: v.basis,
        });
        await invalidate();
      }}
    >
      <Space.Compact block>
        <Form.Item name="date" label={t('date')} rules={[dateRule(s.date, t)]} style={{ width: '50%' }}>
          <DatePicker style={{ width: '100%' }} data-testid="mark-date" />
        </Form.Item>
        <Form.Item name="method" label={t('method')} rules={[{ required: true, message: t('validation:required') }]} style={{ width: '50%' }}>
          <Select options={VALUATION_METHOD_CODES.map((m) => ({ value: m, label: <Labelled item={VALUATION_METHODS[m]} /> }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="valueFen" label={`${t('value')}（${t('wan')}）`} rules={[wanRule(s.valueFen, t)]}>
        <InputNumber style={{ width: '100%' }} step={100} data-testid="mark-value" />
      </Form.Item>
      <Form.Item name="basis" label={t('basis')} rules={[zodRule(s.basis, t)]}>
        <Input.TextArea rows={3} maxLength={500} data-testid="mark-basis" />
      </Form.Item>
    </FormModal>
  );
}

type KpiValues = { period: string; cumulative: boolean } & Partial<Record<(typeof KPI_METRIC_CODES)[number], number | null>>;

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
        const figures = Object.fromEntries(
          KPI_METRIC_CODES.map((k) => {
            const raw = v[k];
            return [k, raw == null ? null : KPI_METRICS[k].money ? toFen(raw) : raw];
          }),
        );
        await add.mutateAsync({ companyId: props.companyId, period: v.period, cumulative: v.cumulative, ...figures });
        await invalidate();
      }}
    >
      <Space.Compact block>
        <Form.Item name="period" label={t('period')} rules={[zodRule(s.period, t)]} style={{ width: '50%' }} extra="2025 / 2026H1 / 2026Q3">
          <Input data-testid="kpi-period" />
        </Form.Item>
        <Form.Item name="cumulative" label={t('cumulativeYes')} valuePropName="checked" style={{ width: '50%' }}>
          <Switch />
        </Form.Item>
      </Space.Compact>
      {KPI_METRIC_CODES.map((k) => (
        <Form.Item key={k} name={k} label={`${label(KPI_METRICS[k], i18n.language)}${KPI_METRICS[k].money ? `（${t('wan')}）` : ''}`}>
          <InputNumber style={{ width: '100%' }} min={0} data-testid={`kpi-${k}`} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

/** Rows pasted from a spreadsheet (tab- or comma-separated, header first), in the order of the import help. */
export function parseKpiTable(text: string): { rows: Array<Record<string, unknown>>; errors: Array<{ line: number; reason: string }> } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const rows: Array<Record<string, unknown>> = [];
  const errors: Array<{ line: number; reason: string }> = [];
  const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s.replace(/[,，\s]/g, '')));
  lines.slice(1).forEach((l, i) => {
    const c = l.split(l.includes('\t') ? '\t' : ',');
    if (c.length < 4) {
      errors.push({ line: i + 2, reason: 'columns' });
      return;
    }
    const figures = [num(c[3]), num(c[4]), num(c[5]), num(c[6]), num(c[7]), num(c[8])];
    if (figures.some((x) => x !== null && !Number.isFinite(x))) {
      errors.push({ line: i + 2, reason: 'number' });
      return;
    }
    const [rev, out, rnd, head, pat, tax] = figures;
    const fen = (x: number | null | undefined) => (x == null ? null : Math.round(x * FEN_PER_WAN));
    rows.push({
      uscc: (c[0] ?? '').trim(),
      period: (c[1] ?? '').trim(),
      cumulative: /^(1|是|true|yes|y|累计)$/i.test((c[2] ?? '').trim()),
      revenueFen: fen(rev),
      outputValueFen: fen(out),
      rndFen: fen(rnd),
      headcount: head ?? null,
      patents: pat ?? null,
      taxFen: fen(tax),
    });
  });
  return { rows, errors };
}

export function KpiImportModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('position');
  const { message } = App.useApp();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const importKpis = useMutation(trpc.portfolio.importKpis.mutationOptions());
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const parsed = parseKpiTable(text);
  const submit = async () => {
    setError(null);
    if (parsed.errors.length) {
      setError(parsed.errors.map((e) => t('parseError', { line: e.line, reason: e.reason })).join('；'));
      return;
    }
    try {
      const r = await importKpis.mutateAsync({ rows: parsed.rows as never });
      void message.success(t('importDone', { n: r.imported }));
      await invalidate();
      setText('');
      props.onClose();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };
  return (
    <Modal
      title={t('importKpi')}
      open={props.open}
      onCancel={props.onClose}
      width={760}
      onOk={() => void submit()}
      okButtonProps={{ loading: importKpis.isPending, disabled: parsed.rows.length === 0, 'data-testid': 'kpi-import-submit' } as never}
    >
      <Alert type="info" showIcon title={t('importHelp')} style={{ marginBottom: 12 }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Input.TextArea rows={10} value={text} onChange={(e) => setText(e.target.value)} data-testid="kpi-import-text" style={{ fontFamily: 'monospace' }} />
      <div style={{ marginTop: 8, color: '#667085' }}>{t('importRows', { n: parsed.rows.length })}</div>
    </Modal>
  );
}

type NavValues = { date: Dayjs; navFen: number; source: string };

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
        await add.mutateAsync({
          fundId: props.fundId,
          date: toIso(v.date) ?? '',
          navFen: v.navFen == null ? Number.NaN : Math.round(v.navFen * FEN_PER_WAN),
          source: v.source,
        });
        await invalidate();
      }}
    >
      <Form.Item name="date" label={t('date')} rules={[dateRule(s.date, t)]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="navFen" label={`${t('reported')}（${t('position:wan')}）`} rules={[wanRule(s.navFen, t)]}>
        <InputNumber style={{ width: '100%' }} step={1000} data-testid="nav-value" />
      </Form.Item>
      <Form.Item name="source" label={t('source')} rules={[zodRule(s.source, t)]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** Approves or sends back a mark; the tables that show marks and NAV reload, the result is said in a message. */
export function useReviewMark() {
  const { t } = useTranslation('performance');
  const { message } = App.useApp();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(
    trpc.portfolio.reviewValuation.mutationOptions({
      onSuccess: (_r, v) => {
        void message.success(v.decision === 'approved' ? t('approved') : t('rejected'));
        void invalidate();
      },
      onError: (e) => void message.error(errorMessage(e, t)),
    }),
  );
}

/** Approve / send back for one pending mark; sending back asks why (the note is required). */
export function ReviewButtons(props: { id: number }) {
  const { t } = useTranslation('performance');
  const review = useReviewMark();
  const [note, setNote] = useState('');
  return (
    <Space size={4}>
      <Button
        size="small"
        type="primary"
        data-testid="approve-mark"
        loading={review.isPending}
        onClick={() => review.mutate({ id: props.id, decision: 'approved' })}
      >
        {t('approve')}
      </Button>
      <Popconfirm
        title={t('rejectNote')}
        description={<Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        okButtonProps={{ disabled: !note.trim() }}
        onConfirm={() => review.mutate({ id: props.id, decision: 'rejected', note: note.trim() })}
      >
        <Button size="small" danger>
          {t('reject')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
