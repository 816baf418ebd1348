import { toFen } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.js';
import { useTRPC } from '../../../lib/trpc.js';
import { useInvalidate } from './kit.js';

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
    const fen = (x: number | null | undefined) => (x == null ? null : toFen(x, 'wan'));
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

/** KPIs for many companies at once, pasted from a spreadsheet (figures in 万元). */
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
      setError(parsed.errors.map((e) => t('parseError', { line: e.line, reason: e.reason })).join(t('common:issueSeparator')));
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
