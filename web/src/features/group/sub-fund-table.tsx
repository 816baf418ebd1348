import { SearchOutlined } from '@ant-design/icons';
import { COMPLIANCE_TRIGGERS, type ComplianceFlag, type ComplianceTrigger, type ReinvestStatus, type SubFundRow } from '@highland/shared';
import { Link } from '@tanstack/react-router';
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';
import { FlagTag, flagDetail, ReinvestTag } from './flags.js';

const STATUSES: ReinvestStatus[] = ['met', 'on_track', 'at_risk', 'breached', 'not_required'];

/** Every sub-fund (and vehicle) with its size, government share, leverage, paid-in, reinvestment and flags; sortable and filterable. */
export function SubFundTable(props: { rows: SubFundRow[]; flags: ComplianceFlag[] }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const unit = f.tableUnit(true);
  const [q, setQ] = useState('');
  const [batches, setBatches] = useState<number[]>([]);
  const [triggers, setTriggers] = useState<ComplianceTrigger[]>([]);
  const [reinvest, setReinvest] = useState<ReinvestStatus[]>([]);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return props.rows.filter(
      (r) =>
        (!needle || r.code.toLowerCase().includes(needle) || r.nameZh.includes(needle) || r.nameEn.toLowerCase().includes(needle)) &&
        (!batches.length || (r.batch !== null && batches.includes(r.batch))) &&
        (!triggers.length || r.flags.some((x) => triggers.includes(x))) &&
        (!reinvest.length || reinvest.includes(r.reinvest.status)),
    );
  }, [props.rows, q, batches, triggers, reinvest]);
  const batchNos = [...new Set(props.rows.map((r) => r.batch).filter((b): b is number => b !== null))].sort((a, b) => a - b);
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const byNum = (k: (r: SubFundRow) => number | null) => (a: SubFundRow, b: SubFundRow) => (k(a) ?? -1) - (k(b) ?? -1);
  // English headers are longer words: widen the narrow columns so a header never breaks inside a word.
  const w = (zh: number, en: number) => (f.locale === 'en' ? en : zh);
  const flagOf = (r: SubFundRow, trigger: ComplianceTrigger) => props.flags.find((x) => x.fundId === r.id && x.trigger === trigger);
  return (
    <Card
      size="small"
      title={t('subFundTable')}
      extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
      data-testid="subfund-card"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('searchFund')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 220 }}
          data-testid="subfund-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterBatch')}
          style={{ minWidth: 160 }}
          value={batches}
          onChange={setBatches}
          options={batchNos.map((n) => ({ value: n, label: t('batchN', { n }) }))}
          data-testid="filter-batch"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterFlag')}
          style={{ minWidth: 200 }}
          value={triggers}
          onChange={setTriggers}
          options={COMPLIANCE_TRIGGERS.map((x) => ({ value: x, label: t(`triggers.${x}`) }))}
          data-testid="filter-flag"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('filterReinvest')}
          style={{ minWidth: 180 }}
          value={reinvest}
          onChange={setReinvest}
          options={STATUSES.map((x) => ({ value: x, label: t(`reinvestStatus.${x}`) }))}
          data-testid="filter-reinvest"
        />
        <Typography.Text type="secondary" data-testid="subfund-count">
          {rows.length} / {props.rows.length}
        </Typography.Text>
      </Space>
      <Table<SubFundRow>
        size="small"
        rowKey="id"
        data-testid="subfund-table"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: w(1040, 1140) }}
        onRow={(r) => ({ 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('code'), dataIndex: 'code', width: 72, fixed: 'left', sorter: (a, b) => a.code.localeCompare(b.code), defaultSortOrder: 'ascend' },
          {
            title: t('name'),
            key: 'name',
            width: w(210, 190),
            render: (_: unknown, r) => (
              <>
                <Link to="/funds/$fundId" params={{ fundId: String(r.id) }}>
                  {f.name(r)}
                </Link>
                {r.kind === 'direct_vehicle' ? <Tag style={{ marginInlineStart: 6 }}>{t('vehicle')}</Tag> : null}
                {r.isFundOfFunds ? (
                  <Tag color="purple" style={{ marginInlineStart: 6 }}>
                    {t('fof')}
                  </Tag>
                ) : null}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.managerZh === null ? null : f.name({ nameZh: r.managerZh, nameEn: r.managerEn })}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t('batch'),
            dataIndex: 'batch',
            width: w(66, 84),
            sorter: byNum((r) => r.batch),
            render: (n: number | null) => (n ? t('batchN', { n }) : '—'),
          },
          {
            title: t('committed'),
            dataIndex: 'committedFen',
            align: 'right',
            width: w(92, 118),
            sorter: byNum((r) => r.committedFen),
            render: (v: number, r) => <span data-testid={`size-${r.code}`}>{money(v)}</span>,
          },
          {
            title: t('motherCommitted'),
            dataIndex: 'motherCommittedFen',
            align: 'right',
            width: w(104, 108),
            sorter: byNum((r) => r.motherCommittedFen),
            render: money,
          },
          {
            title: t('govShare'),
            key: 'share',
            align: 'right',
            width: w(100, 120),
            sorter: byNum((r) => r.govShare),
            render: (_: unknown, r) => (
              <span data-testid={`share-${r.code}`}>
                <span
                  className="num"
                  style={{
                    color: r.flags.includes('gov_share_over_cap') ? '#b91c1c' : undefined,
                    fontWeight: r.flags.includes('gov_share_over_cap') ? 600 : undefined,
                  }}
                >
                  {f.percent(r.govShare)}
                </span>
                {r.govShareCap !== null ? (
                  <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }}>
                    {t('cap', { cap: f.percent(r.govShareCap, 0) })}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
          {
            title: t('levBoth'),
            key: 'lev',
            align: 'right',
            width: w(96, 104),
            sorter: byNum((r) => r.leverage.committed.ratio),
            render: (_: unknown, r) => (
              <>
                <span className="num" data-testid={`lev-${r.code}`}>
                  {f.multiple(r.leverage.committed.ratio)}
                </span>
                <Typography.Text type="secondary" className="num" style={{ fontSize: 11, display: 'block' }}>
                  {t('paidShort')} {f.multiple(r.leverage.paid_in.ratio)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('paidRatio'),
            key: 'paid',
            align: 'right',
            width: w(76, 96),
            sorter: byNum((r) => r.paidInRatio),
            render: (_: unknown, r) => <span className="num">{f.percent(r.paidInRatio)}</span>,
          },
          {
            title: t('reinvest'),
            key: 'reinvest',
            width: w(104, 124),
            sorter: byNum((r) => r.reinvest.completion[r.reinvest.basis]),
            render: (_: unknown, r) => <ReinvestTag status={r.reinvest.status} completion={r.reinvest.completion[r.reinvest.basis]} />,
          },
          {
            title: t('flags'),
            key: 'flags',
            width: w(150, 130),
            sorter: (a, b) => a.flags.length - b.flags.length,
            render: (_: unknown, r) =>
              r.flags.length ? (
                r.flags.map((x) => {
                  const flag = flagOf(r, x);
                  return <FlagTag key={x} trigger={x} detail={flag ? `${flag.since} · ${flagDetail(flag, t, f)}` : undefined} />;
                })
              ) : (
                <Typography.Text type="secondary">{t('noFlags')}</Typography.Text>
              ),
          },
        ]}
        summary={(page) => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('common:total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {money(page.reduce((a, r) => a + r.committedFen, 0))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {money(page.reduce((a, r) => a + r.motherCommittedFen, 0))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} colSpan={5} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
