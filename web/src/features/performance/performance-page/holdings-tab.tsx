import { PlusOutlined } from '@ant-design/icons';
import { label, SECTORS, type Sector, VALUATION_METHODS, type ValuationMethod } from '@highland/shared';
import { Link } from '@tanstack/react-router';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { InvestmentModal } from '../forms/investment-modal.js';
import type { Performance } from './types.js';

export function MarkTag(props: { mark: { date: string; method: ValuationMethod } | null }) {
  const { t, i18n } = useTranslation('performance');
  if (!props.mark) return <Typography.Text type="secondary">{t('atCost')}</Typography.Text>;
  return (
    <span style={{ fontSize: 12, lineHeight: 1.3, display: 'inline-block' }}>
      {label(VALUATION_METHODS[props.mark.method], i18n.language)}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        {props.mark.date}
      </Typography.Text>
    </span>
  );
}

export function Holdings(props: { data: Performance; writable: boolean }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const d = props.data;
  return (
    <Card
      size="small"
      extra={
        <Space>
          <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>
          {props.writable ? (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-investment">
              {t('newInvestment')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="companyId"
        data-testid="holdings-table"
        dataSource={d.holdings}
        pagination={{ pageSize: 25, showSizeChanger: false }}
        locale={{ emptyText: t('holdingsEmpty') }}
        columns={[
          {
            title: t('company'),
            key: 'name',
            width: 230,
            render: (_: unknown, r) => (
              <Link to="/performance/position" search={{ fundId: d.fund.id, companyId: r.companyId, asOf: d.asOf }} data-testid="holding-link">
                {f.name(r)}
              </Link>
            ),
          },
          { title: t('sector'), dataIndex: 'sector', width: 90, render: (s: string) => label(SECTORS[s as Sector] ?? { zh: s, en: s }, f.locale) },
          { title: t('firstDate'), dataIndex: 'firstDate', width: 100, sorter: (a, b) => a.firstDate.localeCompare(b.firstDate) },
          { title: t('rounds'), dataIndex: 'rounds', width: 56, align: 'right' },
          { title: t('invested'), dataIndex: 'investedFen', align: 'right', render: money, sorter: (a, b) => a.investedFen - b.investedFen },
          { title: t('realised'), dataIndex: 'realisedFen', align: 'right', render: money, sorter: (a, b) => a.realisedFen - b.realisedFen },
          { title: t('value'), dataIndex: 'valueFen', align: 'right', render: money, sorter: (a, b) => a.valueFen - b.valueFen },
          { title: t('heldShare'), dataIndex: 'heldShare', align: 'right', width: 80, render: (v: number) => <span className="num">{f.percent(v, 2)}</span> },
          {
            title: t('moic'),
            dataIndex: 'moic',
            align: 'right',
            width: 72,
            sorter: (a, b) => (a.moic ?? 0) - (b.moic ?? 0),
            render: (v: number | null) => <span className="num">{f.multiple(v)}</span>,
          },
          { title: t('irr'), dataIndex: 'irr', align: 'right', width: 76, render: (v: number | null) => <span className="num">{f.percent(v)}</span> },
          { title: t('mark'), dataIndex: 'mark', width: 130, render: (m: { date: string; method: ValuationMethod } | null) => <MarkTag mark={m} /> },
          {
            title: t('status'),
            dataIndex: 'exited',
            width: 72,
            filters: [
              { text: t('held'), value: false },
              { text: t('exited'), value: true },
            ],
            onFilter: (v, r) => r.exited === v,
            render: (x: boolean) => (x ? <Tag>{t('exited')}</Tag> : <Tag color="blue">{t('held')}</Tag>),
          },
        ]}
      />
      {props.writable ? <InvestmentModal open={open} onClose={() => setOpen(false)} fundId={d.fund.id} /> : null}
    </Card>
  );
}
