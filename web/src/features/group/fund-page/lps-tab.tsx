import { INVESTOR_SOURCES, type InvestorSource } from '@highland/shared';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { useTableMoney } from './money.js';
import type { FundDetail } from './types.js';

/** Each LP's position in the fund, with the commitment rows behind it (closes and releases, ADR 036). */
export function LpsTab({ d }: { d: FundDetail }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const { money, unitNote } = useTableMoney();
  return (
    <>
      {unitNote}
      <Table
        size="small"
        rowKey="investorId"
        data-testid="positions-table"
        dataSource={d.positions}
        pagination={d.positions.length > 30 ? { pageSize: 30 } : false}
        scroll={{ x: 1100 }}
        expandable={{
          // Each LP's commitment rows: the closes it joined and any release of its uncalled part (ADR 036).
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid={`commitments-${r.investorId}`}
              dataSource={r.commitments}
              style={{ maxWidth: 760 }}
              columns={[
                { title: t('f.date'), dataIndex: 'date', width: 110 },
                {
                  title: t('commitKind'),
                  key: 'kind',
                  width: 130,
                  render: (_: unknown, c) => (c.amountFen < 0 ? <Tag color="orange">{t('commitRelease')}</Tag> : <Tag color="blue">{t('commitClose')}</Tag>),
                },
                { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', width: 140, render: money },
                { title: t('commitNote'), key: 'note', render: (_: unknown, c) => c.note ?? c.overrideReason ?? '' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('f.investor'), key: 'name', width: 260, render: (_: unknown, r) => f.name(r) },
          {
            title: t('f.sourceType'),
            dataIndex: 'source',
            width: 130,
            render: (s: string) => (
              <Tag>{s in INVESTOR_SOURCES ? INVESTOR_SOURCES[s as InvestorSource][f.locale === 'en' ? 'en' : 'zh'] : t(`sources.${s}`)}</Tag>
            ),
          },
          { title: t('lp.since'), dataIndex: 'firstCommitted', width: 100 },
          {
            title: t('lp.committed'),
            dataIndex: 'committedFen',
            align: 'right',
            sorter: (a, b) => a.committedFen - b.committedFen,
            render: money,
          },
          { title: t('lp.called'), dataIndex: 'calledFen', align: 'right', render: money },
          { title: t('lp.uncalled'), dataIndex: 'uncalledFen', align: 'right', render: money },
          { title: t('lp.contributed'), dataIndex: 'contributedFen', align: 'right', render: money },
          {
            title: t('outstanding'),
            dataIndex: 'outstandingFen',
            align: 'right',
            render: (v: number) => <span style={{ color: v > 0 ? '#b45309' : undefined }}>{money(v)}</span>,
          },
          { title: t('lp.distributed'), dataIndex: 'distributedFen', align: 'right', render: money },
          { title: t('lp.fees'), dataIndex: 'feesFen', align: 'right', render: money },
        ]}
        summary={(rows) => (
          <Table.Summary.Row>
            {/* The expand column, then the LP, source and first-commitment columns. */}
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('common:total')}
            </Table.Summary.Cell>
            {(['committedFen', 'calledFen', 'uncalledFen', 'contributedFen', 'outstandingFen', 'distributedFen', 'feesFen'] as const).map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 4} align="right">
                {money(rows.reduce((a, r) => a + r[k], 0))}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
