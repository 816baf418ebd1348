import { addDays, INVESTOR_SOURCES } from '@highland/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormInstance, Select } from 'antd';
import type { ReactNode } from 'react';
import { FormModal } from '../../../components/ui/form-modal.js';
import { todayIso } from '../../../lib/business-date.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';

/** The writes a fund's managers make from its page; each opens a form, checks it with the server's schema, and shows the server's rule if it refuses. */
export type FundAction = 'commit' | 'release' | 'call' | 'contribute' | 'distribute' | 'fee' | 'nav' | 'reverse' | 'evidence' | 'statements';

export interface Lp {
  investorId: number;
  nameZh: string;
  nameEn: string;
  outstandingFen: number;
}

/** What the fund page hands the action dialogs. */
export type FundActionProps = {
  fundId: number;
  action: FundAction | null;
  onClose: () => void;
  lps: Lp[];
  callId?: number | null;
  entryId?: number | null;
  companies: Array<{ id: number; name: string }>;
  /** The fund's set-up date: the first quarter it can issue statements for. */
  since?: string | null;
  /** The fund's LPs with what they have not been called for yet (as of the page's date), for a release. */
  holders?: Array<{ investorId: number; nameZh: string; nameEn: string; uncalledFen: number }>;
};

/** What every action dialog needs: which one is open, an LP's name, today's business date and a date some days on. */
export function useActionHelpers(props: FundActionProps) {
  const f = useFormat();
  const today = todayIso();
  return {
    open: (a: FundAction) => props.action === a,
    lpName: (id: number) => {
      const lp = props.lps.find((l) => l.investorId === id);
      return lp ? f.name(lp) : `#${id}`;
    },
    today,
    inDays: (n: number) => addDays(today, n),
  };
}

export function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries(trpc.fund.pathFilter()), queryClient.invalidateQueries(trpc.group.pathFilter())]);
}

/**
 * A modal form bound to one write on the fund (the shared FormModal: server field errors beside their fields,
 * others above the form, Enter never submits); after it saves, the fund's pages reload.
 */
export function ActionModal<V extends object>(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  names: string[];
  initial?: Partial<V>;
  submit: (v: V) => Promise<unknown>;
  children: (form: FormInstance<V>) => ReactNode;
  testId: string;
  width?: number;
}) {
  const invalidate = useInvalidate();
  return (
    <FormModal<V>
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      names={props.names}
      initialValues={props.initial}
      testId={props.testId}
      width={props.width}
      submit={async (v) => {
        await props.submit(v);
        await invalidate();
      }}
    >
      {(form) => props.children(form)}
    </FormModal>
  );
}

/** Investor options for a commitment: everyone but the fund itself, with their source type. */
export function InvestorSelect(props: { value?: number; onChange?: (v: number) => void; exclude?: number; testId?: string }) {
  const f = useFormat();
  const trpc = useTRPC();
  const q = useQuery(trpc.fund.investorOptions.queryOptions());
  return (
    <Select
      showSearch
      data-testid={props.testId}
      value={props.value}
      onChange={props.onChange}
      optionFilterProp="label"
      loading={q.isPending}
      options={(q.data ?? [])
        .filter((i) => i.fundId === null || i.fundId !== props.exclude)
        .map((i) => ({
          value: i.id,
          label: `${f.name(i)} · ${INVESTOR_SOURCES[i.sourceType][f.locale === 'en' ? 'en' : 'zh']}`,
        }))}
    />
  );
}
