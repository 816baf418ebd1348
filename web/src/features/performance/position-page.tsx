import { ArrowLeftOutlined, ImportOutlined, LineChartOutlined, LogoutOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { EXIT_ROUTES, INSTRUMENTS, label, ROUNDS, SECTORS, type Sector, VALUATION_METHODS, ZONES, type Zone } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Col, Empty, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { ExitModal } from './forms/exit-modal.js';
import { InvestmentModal } from './forms/investment-modal.js';
import { KpiImportModal } from './forms/kpi-import.js';
import { KpiModal } from './forms/kpi-modal.js';
import { ReverseModal, type ReverseTarget } from './forms/reverse-modal.js';
import { ValuationModal } from './forms/valuation-modal.js';
import { KpiChart, ValueChart } from './position-page/charts.js';
import { Kpis } from './position-page/kpis-table.js';
import { Marks } from './position-page/marks-table.js';
import type { Position } from './position-page/types.js';

const route = getRouteApi('/performance/position');

/** One fund's position in one company: rounds, exits, marks and their review, KPIs, value over time. */
export function PositionPage() {
  const { t } = useTranslation('position');
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery({
    ...trpc.portfolio.position.queryOptions({ fundId: search.fundId ?? 0, companyId: search.companyId ?? 0, asOf }),
    enabled: Boolean(search.fundId && search.companyId),
  });
  const d = q.data;
  return (
    <Page
      title={d ? d.company.nameZh : ''}
      subtitle={
        d ? (
          <Space size={8} wrap>
            <span>{d.company.nameEn}</span>
            <Tag>{d.fund.code}</Tag>
            <span>{d.company.uscc}</span>
          </Space>
        ) : null
      }
      extra={
        <Space>
          <Link to="/performance" search={{ fundId: search.fundId, asOf: search.asOf, tab: 'holdings' }}>
            <Button icon={<ArrowLeftOutlined />}>{t('back')}</Button>
          </Link>
          <AsOfPicker value={asOf} onChange={(v) => void navigate({ search: (s) => ({ ...s, asOf: v }) })} />
        </Space>
      }
    >
      {search.fundId && search.companyId ? (
        <QueryState query={q}>{(data) => <PositionView data={data} />}</QueryState>
      ) : (
        <Empty description={t('noHolding')} data-testid="position-missing" />
      )}
    </Page>
  );
}

function PositionView({ data: d }: { data: Position }) {
  const { t, i18n } = useTranslation('position');
  const f = useFormat();
  const [modal, setModal] = useState<null | 'follow' | 'exit' | 'mark' | 'kpi' | 'import'>(null);
  const [reversing, setReversing] = useState<ReverseTarget | null>(null);
  // A reversed round or exit stays listed, struck out, with when and why; a manager of the fund may reverse a live one.
  const struck = (r: { reversal: { at: string; reason: string } | null }) =>
    r.reversal ? { style: { textDecoration: 'line-through', color: '#8c8c8c' } } : {};
  const reversalColumn = (kind: ReverseTarget['kind']) => ({
    title: '',
    key: 'reversal',
    width: 180,
    render: (_: unknown, r: { id: number; date: string; amountFen?: number; proceedsFen?: number; reversal: { at: string; reason: string } | null }) =>
      r.reversal ? (
        <Tooltip title={t('reversedOn', { at: f.instant(r.reversal.at), reason: r.reversal.reason })}>
          <Tag color="default" data-testid={`reversed-${kind}-${r.id}`}>
            {t('reversed')}
          </Tag>
        </Tooltip>
      ) : d.can.write ? (
        <Button
          size="small"
          type="link"
          danger
          icon={<RollbackOutlined />}
          data-testid={`reverse-${kind}-${r.id}`}
          onClick={() => setReversing({ kind, id: r.id, date: r.date, amount: f.money(r.amountFen ?? r.proceedsFen ?? 0) })}
        >
          {t('reverse')}
        </Button>
      ) : null,
  });
  const s = d.state;
  const unit = f.tableUnit();
  const money = (v: number | null) => <span className="num">{v === null ? '—' : f.moneyCell(v, unit)}</span>;
  const unitNote = <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>;
  const c = d.company;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} data-testid="position-evidence">
        <Tag color="blue">{label(SECTORS[c.sector as Sector] ?? { zh: c.sector, en: c.sector }, i18n.language)}</Tag>
        <Tag>{label(ZONES[c.zone as Zone] ?? { zh: c.zone, en: c.zone }, i18n.language)}</Tag>
        <Typography.Text type="secondary">{t('common:labelled', { label: t('evidence') })}</Typography.Text>
        {c.registeredInShanghai ? <Tag color="green">{t('registered')}</Tag> : <Tag>{t('notRegistered')}</Tag>}
        {d.evidence.map((e) => (
          <Tag key={`${e.evidence}-${e.effectiveDate}`} color={e.evidence === 'relocated' ? 'purple' : 'cyan'}>
            {t(e.evidence === 'relocated' ? 'relocated' : 'subsidiary', { date: e.effectiveDate })}
          </Tag>
        ))}
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="position-invested" label={t('invested')} value={f.money(s.investedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('realised')} value={f.money(s.realisedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat
            testId="position-value"
            label={t('value')}
            value={f.money(s.valueFen)}
            note={s.mark ? t('valueNote', { method: label(VALUATION_METHODS[s.mark.method], i18n.language), date: s.mark.date }) : t('atCostNote')}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('remainingCost')} value={f.money(s.remainingCostFen)} note={`${t('heldShare')} ${f.percent(s.heldShare, 3)}`} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('moic')} value={f.multiple(s.moic)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('irr')} value={f.percent(s.irr)} />
        </Col>
      </Row>
      {d.can.write || d.can.kpi ? (
        <Space wrap style={{ marginTop: 12 }} className="no-print">
          {d.can.write ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setModal('follow')} data-testid="action-follow-on">
                {t('followOn')}
              </Button>
              <Button icon={<LogoutOutlined />} onClick={() => setModal('exit')} disabled={s.heldShare <= 0} data-testid="action-exit">
                {t('exit')}
              </Button>
              <Button icon={<LineChartOutlined />} onClick={() => setModal('mark')} data-testid="action-mark">
                {t('addMark')}
              </Button>
            </>
          ) : null}
          {d.can.kpi ? (
            <>
              <Button onClick={() => setModal('kpi')} data-testid="action-kpi">
                {t('addKpi')}
              </Button>
              <Button icon={<ImportOutlined />} onClick={() => setModal('import')}>
                {t('importKpi')}
              </Button>
            </>
          ) : null}
        </Space>
      ) : null}

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('history')} extra={unitNote}>
            <ValueChart history={d.history} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('kpiChart')}>
            <KpiChart kpis={d.kpis} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('roundsTitle')} extra={unitNote} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          data-testid="rounds-table"
          pagination={false}
          dataSource={d.rounds}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('date'), dataIndex: 'date', width: 100 },
            { title: t('round'), dataIndex: 'round', width: 110, render: (r: keyof typeof ROUNDS) => label(ROUNDS[r], i18n.language) },
            { title: t('instrument'), dataIndex: 'instrument', width: 100, render: (r: keyof typeof INSTRUMENTS) => label(INSTRUMENTS[r], i18n.language) },
            { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: money },
            { title: t('equityShare'), dataIndex: 'equityShare', align: 'right', render: (v: number) => <span className="num">{f.percent(v, 3)}</span> },
            { title: t('postMoney'), dataIndex: 'postMoneyFen', align: 'right', render: money },
            { title: t('roundSize'), dataIndex: 'roundSizeFen', align: 'right', render: money },
            { title: t('coInvestors'), dataIndex: 'coInvestors', render: (v: string[]) => v.join(t('common:listSeparator')) },
            reversalColumn('round'),
          ]}
          onRow={(r) => struck(r)}
        />
      </Card>

      <Card size="small" title={t('exitsTitle')} extra={unitNote} style={{ marginTop: 16 }}>
        {d.exits.length ? (
          <Table
            size="small"
            rowKey="id"
            data-testid="exits-table"
            pagination={false}
            dataSource={d.exits}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 100 },
              { title: t('route'), dataIndex: 'route', width: 160, render: (r: keyof typeof EXIT_ROUTES) => label(EXIT_ROUTES[r], i18n.language) },
              { title: t('shareSold'), dataIndex: 'shareSold', align: 'right', render: (v: number) => <span className="num">{f.percent(v, 3)}</span> },
              { title: t('proceeds'), dataIndex: 'proceedsFen', align: 'right', render: money },
              { title: t('note'), dataIndex: 'memo', render: (m: string | null) => m ?? '' },
              reversalColumn('exit'),
            ]}
            onRow={(r) => struck(r)}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noExits')} />
        )}
      </Card>

      <Marks data={d} />
      <Kpis data={d} />

      <InvestmentModal open={modal === 'follow'} onClose={() => setModal(null)} fundId={d.fund.id} company={{ id: c.id, name: c.nameZh }} />
      <ExitModal open={modal === 'exit'} onClose={() => setModal(null)} fundId={d.fund.id} companyId={c.id} heldShare={s.heldShare} />
      <ValuationModal open={modal === 'mark'} onClose={() => setModal(null)} fundId={d.fund.id} companyId={c.id} />
      <KpiModal open={modal === 'kpi'} onClose={() => setModal(null)} companyId={c.id} />
      <KpiImportModal open={modal === 'import'} onClose={() => setModal(null)} />
      <ReverseModal target={reversing} onClose={() => setReversing(null)} />
    </>
  );
}
