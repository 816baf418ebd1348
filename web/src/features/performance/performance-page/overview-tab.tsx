import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../components/ui/chart.js';
import { useFormat } from '../../../lib/format.js';
import { NavStatementModal } from '../forms/nav-modal.js';
import type { Performance } from './types.js';

export function Overview(props: { data: Performance; writable: boolean }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const [navOpen, setNavOpen] = useState(false);
  const h = props.data.history;
  const unit = f.tableUnit(true);
  const jcurve = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 56, top: 28, bottom: 44 },
      xAxis: { type: 'category', data: h.map((x) => x.date) },
      yAxis: [
        { type: 'value', name: f.unitLabel(unit) },
        { type: 'value', name: 'IRR', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('netCashFlow'),
          type: 'bar',
          itemStyle: { color: '#d4380d' },
          data: h.map((x) => ({ value: f.moneyValue(x.netCashFlowFen, unit), itemStyle: { color: x.netCashFlowFen < 0 ? '#d4380d' : '#15803d' } })),
          tooltip: { valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
        },
        {
          name: t('irrSinceInception'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: h.map((x) => (x.irr === null || Math.abs(x.irr) > 3 ? null : x.irr)),
          itemStyle: { color: '#1d4ed8' },
          tooltip: { valueFormatter: (v: number | null) => f.percent(v) },
        },
      ],
    }),
    [h, f, t, unit],
  );
  const navChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 28, bottom: 44 },
      xAxis: { type: 'category', data: h.map((x) => x.date) },
      yAxis: { type: 'value', name: f.unitLabel(unit) },
      series: [
        {
          name: t('nav'),
          type: 'line',
          areaStyle: { opacity: 0.18 },
          data: h.map((x) => f.moneyValue(x.navFen, unit)),
          itemStyle: { color: '#1d4ed8' },
        },
        { name: t('paidIn'), type: 'line', step: 'end', data: h.map((x) => f.moneyValue(x.paidInFen, unit)), itemStyle: { color: '#d4380d' } },
        { name: t('distributed'), type: 'line', step: 'end', data: h.map((x) => f.moneyValue(x.distributedFen, unit)), itemStyle: { color: '#15803d' } },
      ],
    }),
    [h, f, t, unit],
  );
  const statements = props.data.navStatements;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('jcurve')}>
            {h.length ? <Chart option={jcurve} height={300} testId="jcurve-chart" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('navHistory')}>
            {h.length ? <Chart option={navChart} height={300} testId="nav-chart" /> : <Empty />}
          </Card>
        </Col>
      </Row>
      {statements.length || props.writable ? (
        <Card
          size="small"
          title={t('navStatements')}
          style={{ marginTop: 16 }}
          extra={
            <Space>
              <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(f.tableUnit()) })}</Typography.Text>
              {props.writable ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setNavOpen(true)} data-testid="add-nav">
                  {t('addNav')}
                </Button>
              ) : null}
            </Space>
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('navStatementsNote')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            data-testid="nav-statements"
            dataSource={statements}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            locale={{ emptyText: t('noStatements') }}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 110 },
              {
                title: t('reported'),
                dataIndex: 'navFen',
                align: 'right',
                render: (v: number) => <span className="num">{f.moneyCell(v, f.tableUnit())}</span>,
              },
              {
                title: t('books'),
                dataIndex: 'booksNavFen',
                align: 'right',
                render: (v: number) => <span className="num">{f.moneyCell(v, f.tableUnit())}</span>,
              },
              {
                title: t('difference'),
                dataIndex: 'differenceFen',
                align: 'right',
                render: (v: number) => (
                  <span className="num" style={{ color: v === 0 ? undefined : '#d4380d' }}>
                    {f.moneyCell(v, f.tableUnit())}
                  </span>
                ),
              },
              { title: t('source'), dataIndex: 'source' },
            ]}
          />
        </Card>
      ) : null}
      {props.writable ? <NavStatementModal open={navOpen} onClose={() => setNavOpen(false)} fundId={props.data.fund.id} /> : null}
    </>
  );
}
