import type { LedgerKind } from '@highland/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';

const ledgerColor: Record<LedgerKind, string> = {
  call: 'blue',
  contribution: 'green',
  distribution: 'gold',
  fee: 'default',
  investment: 'purple',
  proceeds: 'cyan',
};

/** The fund's ledger, newest first, a page at a time, filtered by kind; a writer reverses an entry from here. */
export function LedgerTab(props: { fundId: number; asOf: string; writer: boolean; onReverse: (entryId: number) => void }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const [kind, setKind] = useState<LedgerKind | undefined>(undefined);
  const q = useInfiniteQuery(
    trpc.fund.entries.infiniteQueryOptions(
      { id: props.fundId, asOf: props.asOf, kind, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        {(['call', 'contribution', 'distribution', 'fee', 'investment', 'proceeds'] as const).map((k) => (
          <Tag.CheckableTag key={k} checked={kind === k} onChange={(on) => setKind(on ? k : undefined)}>
            {t(`ledgerKinds.${k}`)}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Table
        size="small"
        rowKey="id"
        data-testid="ledger-table"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('f.date'), dataIndex: 'date', width: 110 },
          { title: t('kind'), dataIndex: 'kind', width: 110, render: (k: LedgerKind) => <Tag color={ledgerColor[k]}>{t(`ledgerKinds.${k}`)}</Tag> },
          {
            title: t('counterparty'),
            key: 'who',
            render: (_: unknown, r) => (f.locale === 'en' ? (r.investorEn ?? r.companyEn) : (r.investorZh ?? r.companyZh)) ?? '—',
          },
          {
            title: t('f.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => (
              <span className="num" style={{ color: v < 0 ? '#b91c1c' : undefined }}>
                {f.money(v)}
              </span>
            ),
          },
          { title: t('callNo'), dataIndex: 'callNo', width: 70, render: (n: number | null) => (n ? `#${n}` : '') },
          {
            title: t('f.memo'),
            key: 'memo',
            render: (_: unknown, r) => (
              <>
                {r.reversesId ? <Tag color="red">{t('reversalOf', { id: r.reversesId })}</Tag> : null}
                {r.reversedBy ? <Tag>{t('reversedBy', { id: r.reversedBy })}</Tag> : null}
                {f.memo(r.memo)}
              </>
            ),
          },
          { title: '#', dataIndex: 'id', width: 70 },
          props.writer
            ? {
                title: t('common:actions'),
                key: 'a',
                width: 80,
                render: (_: unknown, r) =>
                  !r.reversesId && !r.reversedBy && r.kind !== 'investment' && r.kind !== 'proceeds' ? (
                    <Button size="small" type="link" danger onClick={() => props.onReverse(r.id)} data-testid={`reverse-${r.id}`}>
                      {t('act.reverseShort')}
                    </Button>
                  ) : null,
              }
            : {},
        ]}
      />
      {q.hasNextPage ? (
        <Button block style={{ marginTop: 8 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('common:loadMore')}
        </Button>
      ) : null}
    </>
  );
}
