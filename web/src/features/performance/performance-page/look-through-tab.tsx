import { label, SECTORS, type Sector, ZONES, type Zone } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Input, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../components/ui/chart.js';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';
import type { LookThroughData } from './types.js';

export function LookThrough(props: { fundId: number; asOf: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.performance.lookThrough.queryOptions({ fundId: props.fundId, asOf: props.asOf }));
  return <QueryState query={q}>{(d) => <LookThroughView data={d} />}</QueryState>;
}

function LookThroughView(props: { data: LookThroughData }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const [heldOnly, setHeldOnly] = useState(true);
  const [text, setText] = useState('');
  const d = props.data;
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const rows = d.companies.filter(
    (c) => (!heldOnly || c.held) && (!text || c.nameZh.includes(text) || (c.nameEn ?? '').toLowerCase().includes(text.toLowerCase())),
  );
  const large = f.tableUnit(true);
  const groupChart = (groups: LookThroughData['bySector'], name: (k: string) => string, color: string): ChartOption => ({
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(large)}` },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 8 },
    grid: { left: 110, right: 20, top: 24, bottom: 48 },
    xAxis: { type: 'value', name: f.unitLabel(large), nameLocation: 'end', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => name(g.key)) },
    series: [
      { name: t('exposure'), type: 'bar', stack: 'v', data: groups.map((g) => f.moneyValue(g.valueFen, large)), itemStyle: { color } },
      { name: t('realised'), type: 'bar', stack: 'v', data: groups.map((g) => f.moneyValue(g.realisedFen, large)), itemStyle: { color: '#94a3b8' } },
    ],
  });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ltNote')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('bySector')}>
            <Chart
              height={320}
              testId="lt-sector-chart"
              option={groupChart(d.bySector, (k) => label(SECTORS[k as Sector] ?? { zh: k, en: k }, f.locale), '#1d4ed8')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('byZone')}>
            <Chart height={320} testId="lt-zone-chart" option={groupChart(d.byZone, (k) => label(ZONES[k as Zone] ?? { zh: k, en: k }, f.locale), '#0e7490')} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('byVintage')}>
            <Chart
              height={320}
              testId="lt-vintage-chart"
              option={groupChart(
                d.byVintage.slice().sort((a, b) => a.key.localeCompare(b.key)),
                (k) => k,
                '#7c3aed',
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<span data-testid="lt-title">{t('ltTitle', { n: d.totals.companies, held: d.totals.held, overlap: d.totals.overlapping })}</span>}
        extra={
          <Space>
            <Input.Search allowClear placeholder={t('search')} onSearch={setText} style={{ width: 200 }} />
            <Space size={4}>
              <Switch size="small" checked={heldOnly} onChange={setHeldOnly} />
              <Typography.Text style={{ fontSize: 12 }}>{t('heldOnly')}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="companyId"
          data-testid="lt-table"
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (r) => (
              <Table
                size="small"
                rowKey={(p) => `${p.holderFundId}-${p.via.join('>')}`}
                pagination={false}
                dataSource={r.paths}
                columns={[
                  { title: t('fund'), dataIndex: 'holderCode', width: 90, render: (c: string) => <Tag color="blue">{c}</Tag> },
                  { title: t('via'), dataIndex: 'via', render: (v: string[]) => (v.length ? v.join(' → ') : '—') },
                  { title: t('share'), dataIndex: 'share', align: 'right', render: (v: number) => <span className="num">{f.percent(v, 3)}</span> },
                  { title: t('invested'), dataIndex: 'investedFen', align: 'right', render: money },
                  { title: t('exposure'), dataIndex: 'valueFen', align: 'right', render: money },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('company'),
              key: 'name',
              render: (_: unknown, r) => (
                <Space size={6}>
                  {f.name(r)}
                  {r.overlap ? (
                    <Tag color="orange" data-testid="overlap-tag">
                      {t('overlap')} ×{new Set(r.paths.map((p) => p.holderFundId)).size}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            { title: t('sector'), dataIndex: 'sector', width: 100, render: (s: string) => label(SECTORS[s as Sector] ?? { zh: s, en: s }, f.locale) },
            { title: t('zone'), dataIndex: 'zone', width: 120, render: (z: string) => label(ZONES[z as Zone] ?? { zh: z, en: z }, f.locale) },
            { title: t('firstDate'), dataIndex: 'firstDate', width: 100 },
            { title: t('costExposure'), dataIndex: 'investedFen', align: 'right', render: money, sorter: (a, b) => a.investedFen - b.investedFen },
            { title: t('realised'), dataIndex: 'realisedFen', align: 'right', render: money, sorter: (a, b) => a.realisedFen - b.realisedFen },
            {
              title: t('exposure'),
              dataIndex: 'valueFen',
              align: 'right',
              render: money,
              sorter: (a, b) => a.valueFen - b.valueFen,
              defaultSortOrder: 'descend',
            },
            { title: t('moic'), dataIndex: 'moic', align: 'right', width: 80, render: (v: number | null) => <span className="num">{f.multiple(v)}</span> },
          ]}
        />
      </Card>
    </>
  );
}
