import { label } from '@highland/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';

/** After a write on a position: the portfolio, performance and fund pages reload. */
export function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries(trpc.portfolio.pathFilter()),
      qc.invalidateQueries(trpc.performance.pathFilter()),
      qc.invalidateQueries(trpc.fund.pathFilter()),
    ]).then(() => undefined);
}

/** A share typed in percent and checked, as a fraction, against the schema the server uses. */
export function percentRule(schema: z.ZodType, t: Parameters<typeof zodRule>[1]) {
  const rule = zodRule(schema, t) as { validator: (r: unknown, v: unknown) => Promise<void> };
  return { validator: (r: unknown, v: number | null) => rule.validator(r, v == null ? undefined : v / 100) };
}

/** Shows a reference item in the reader's language. */
export function Labelled(props: { item: { zh: string; en: string } }) {
  const { i18n } = useTranslation();
  return <>{label(props.item, i18n.language)}</>;
}
