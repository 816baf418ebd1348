import { MONEY_UNITS, type MoneyUnit } from '@highland/shared';
import { DatePicker, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useFormat } from '../../lib/format.js';

/**
 * A money field whose form value is integer fen while the reader types 万元 (or millions in English): the
 * form and the server's zod schema see the same number, so field errors line up.
 */
export function MoneyInput(props: { value?: number | null; onChange?: (fen: number | null) => void; unit?: MoneyUnit; testId?: string; disabled?: boolean }) {
  const f = useFormat();
  const unit = props.unit ?? f.tableUnit();
  const per = MONEY_UNITS[unit].fen;
  return (
    <InputNumber
      data-testid={props.testId}
      disabled={props.disabled}
      style={{ width: '100%' }}
      value={props.value === null || props.value === undefined ? null : props.value / per}
      onChange={(v) => props.onChange?.(v === null || v === undefined ? null : Math.round(Number(v) * per))}
      suffix={f.unitLabel(unit)}
      controls={false}
    />
  );
}

/** Form.Item props for a date field whose form value is an ISO date string (YYYY-MM-DD). */
export const isoDateItem = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null),
};

/** Form.Item props for a ratio field (0.3) typed as a percentage (30). */
export const percentItem = {
  getValueProps: (v: number | null | undefined) => ({ value: v === null || v === undefined ? v : Math.round(v * 10_000) / 100 }),
  normalize: (v: number | null) => (v === null || v === undefined ? null : v / 100),
};

export function IsoDatePicker(props: { value?: dayjs.Dayjs | null; onChange?: (d: dayjs.Dayjs | null) => void; testId?: string }) {
  return <DatePicker data-testid={props.testId} value={props.value} onChange={(d) => props.onChange?.(d)} format="YYYY-MM-DD" style={{ width: '100%' }} />;
}
