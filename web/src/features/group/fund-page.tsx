import { EditOutlined, MoreOutlined } from '@ant-design/icons';
import type { AppRouter } from '@highland/server';
import { type FUND_KINDS, INVESTOR_SOURCES, type InvestorSource, type LedgerKind, SECTORS, SPONSOR_TYPES, ZONES, type Zone } from '@highland/shared';
import type { inferRouterOutputs } from '@trpc/server';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Col, Descriptions, Dropdown, Empty, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';
import { type FundAction, FundActionModals } from './fund-actions.js';
import { FlagTag, flagDetail, ReinvestTag } from './flags.js';

const route = getRouteApi('/funds/$fundId');
const kindColor: Record<keyof typeof FUND_KINDS, string> = { mother: 'red', sub: 'blue', direct_vehicle: 'purple' };
const ledgerColor: Record<LedgerKind, string> = {
  call: 'blue',
  contribution: 'green',
  distribution: 'gold',
  fee: 'default',
  investment: 'purple',
  proceeds: 'cyan',
};

/** One fund's page: facts and rules, each LP's position, calls, the ledger, reinvestment and NAV — as of a date. */
export function FundPage() {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const session = useSession();
  const { fundId } = route.useParams();
  const id = Number(fundId);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery({ ...trpc.fund.detail.queryOptions({ id, asOf }), placeholderData: keepPreviousData });
  const [action, setAction] = useState<FundAction | null>(null);
  const [callId, setCallId] = useState<number | null>(null);
  const [entryId, setEntryId] = useState<number | null>(null);
  const actor = session.data;
  const writer = actor?.role === 'manager' && actor.managedFundIds.includes(id);
  const committer = writer || (actor?.role === 'manager' && actor.managesMotherFund);
  const editor = actor?.role === 'admin' || actor?.managesMotherFund === true;
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const unitNote = <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>;
  return (
    <QueryState query={q}>
      {(d) => {
        const fund = d.fund;
        const name = f.locale === 'en' ? fund.nameEn : fund.nameZh;
        const lpName = (i: { nameZh: string; nameEn: string }) => (f.locale === 'en' ? i.nameEn : i.nameZh);
        const menu = [
          committer ? { key: 'commit', label: t('act.commit') } : null,
          committer ? { key: 'release', label: t('act.release') } : null,
          writer ? { key: 'call', label: t('act.call') } : null,
          writer ? { key: 'distribute', label: t('act.distribute') } : null,
          writer ? { key: 'fee', label: t('act.fee') } : null,
          writer ? { key: 'nav', label: t('act.nav') } : null,
          writer && fund.kind !== 'mother' ? { key: 'evidence', label: t('act.evidence') } : null,
          writer ? { key: 'statements', label: t('act.statements') } : null,
        ].filter((x): x is { key: FundAction; label: string } => x !== null);
        const callOf = d.calls.find((c) => c.id === callId);
        return (
          <Page
            title={
              <Space>
                <span data-testid="fund-title">{name}</span>
                <Tag color={kindColor[fund.kind]}>{t(`kinds.${fund.kind}`)}</Tag>
                {fund.batch ? <Tag>{t('batchN', { n: fund.batch })}</Tag> : null}
                <Tag color={fund.status === 'investing' ? 'green' : 'default'}>{t(`statuses.${fund.status}`)}</Tag>
              </Space>
            }
            subtitle={`${fund.code} · ${(f.locale === 'en' ? fund.managerEn : fund.managerZh) ?? '—'}${fund.parentCode ? ` · ${t('parent')} ${fund.parentCode}` : ''}`}
            extra={
              <Space wrap>
                <AsOfPicker value={asOf} onChange={(x) => void navigate({ search: { asOf: x } })} />
                {editor ? (
                  <Link to="/funds/$fundId/edit" params={{ fundId }}>
                    <Button icon={<EditOutlined />} data-testid="fund-edit">
                      {t('editFund')}
                    </Button>
                  </Link>
                ) : null}
                {menu.length ? (
                  <Dropdown menu={{ items: menu, onClick: (e) => setAction(e.key as FundAction) }}>
                    <Button type="primary" icon={<MoreOutlined />} data-testid="fund-actions">
                      {t('act.menu')}
                    </Button>
                  </Dropdown>
                ) : null}
              </Space>
            }
          >
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12} xl={5}>
                <Stat
                  testId="fund-size"
                  label={t('committed')}
                  value={f.money(d.totals.committedFen)}
                  progress={fund.targetSizeFen ? d.totals.committedFen / fund.targetSizeFen : undefined}
                  note={
                    fund.targetSizeFen
                      ? t('vsTarget', { target: f.money(fund.targetSizeFen), pct: f.percent(d.totals.committedFen / fund.targetSizeFen) })
                      : undefined
                  }
                />
              </Col>
              <Col xs={24} md={12} xl={5}>
                <Stat
                  testId="fund-paid"
                  label={t('paid')}
                  value={f.money(d.totals.contributedFen)}
                  progress={d.totals.committedFen ? d.totals.contributedFen / d.totals.committedFen : 0}
                  note={t('calledNote', { called: f.money(d.totals.calledFen), distributed: f.money(d.totals.distributedFen) })}
                />
              </Col>
              <Col xs={24} md={12} xl={5}>
                <Stat
                  testId="fund-share"
                  label={t('govShare')}
                  value={
                    <span style={{ color: fund.govShareCap !== null && (d.govShare ?? 0) > fund.govShareCap ? '#b91c1c' : undefined }}>
                      {f.percent(d.govShare)}
                    </span>
                  }
                  note={
                    fund.govShareCap !== null
                      ? t('capNote', {
                          cap: f.percent(fund.govShareCap, 0),
                          override: fund.govShareOverrideAllowed ? t('overrideAllowed') : t('overrideNotAllowed'),
                        })
                      : t('noCap')
                  }
                />
              </Col>
              <Col xs={24} md={12} xl={4}>
                <Stat
                  testId="fund-leverage"
                  label={t('levC')}
                  value={f.multiple(d.leverage.committed.ratio)}
                  note={`${t('levP')} ${f.multiple(d.leverage.paid_in.ratio)}`}
                />
              </Col>
              <Col xs={24} md={24} xl={5}>
                <Stat
                  testId="fund-reinvest"
                  label={t('reinvest')}
                  value={<ReinvestTag status={d.reinvest.status} completion={d.reinvest.completion[fund.reinvestBasis]} />}
                  note={
                    d.flags.length
                      ? d.flags.map((x) => <FlagTag key={x.trigger} trigger={x.trigger} detail={`${x.since} · ${flagDetail(x, t, f)}`} />)
                      : t('noFlagsFund')
                  }
                />
              </Col>
            </Row>
            <Card size="small" style={{ marginTop: 12 }}>
              <Tabs
                items={[
                  {
                    key: 'lps',
                    label: `${t('tab.lps')} (${d.positions.length})`,
                    children: (
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
                                    render: (_: unknown, c) =>
                                      c.amountFen < 0 ? <Tag color="orange">{t('commitRelease')}</Tag> : <Tag color="blue">{t('commitClose')}</Tag>,
                                  },
                                  { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', width: 140, render: money },
                                  { title: t('commitNote'), key: 'note', render: (_: unknown, c) => c.note ?? c.overrideReason ?? '' },
                                ]}
                              />
                            ),
                          }}
                          columns={[
                            { title: t('f.investor'), key: 'name', width: 260, render: (_: unknown, r) => lpName(r) },
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
                              {(['committedFen', 'calledFen', 'uncalledFen', 'contributedFen', 'outstandingFen', 'distributedFen', 'feesFen'] as const).map(
                                (k, i) => (
                                  <Table.Summary.Cell key={k} index={i + 4} align="right">
                                    {money(rows.reduce((a, r) => a + r[k], 0))}
                                  </Table.Summary.Cell>
                                ),
                              )}
                            </Table.Summary.Row>
                          )}
                        />
                      </>
                    ),
                  },
                  {
                    key: 'calls',
                    label: `${t('tab.calls')} (${d.calls.length})`,
                    children: (
                      <>
                        {unitNote}
                        <Table
                          size="small"
                          rowKey="id"
                          data-testid="calls-table"
                          dataSource={d.calls}
                          pagination={false}
                          columns={[
                            { title: t('callNo'), dataIndex: 'callNo', width: 70, render: (n: number) => `#${n}` },
                            { title: t('f.noticeDate'), dataIndex: 'noticeDate', width: 110 },
                            { title: t('f.dueDate'), dataIndex: 'dueDate', width: 110 },
                            { title: t('f.total'), dataIndex: 'calledFen', align: 'right', render: money },
                            { title: t('paid'), dataIndex: 'paidFen', align: 'right', render: money },
                            {
                              title: t('outstanding'),
                              key: 'out',
                              align: 'right',
                              render: (_: unknown, r) => (
                                <span style={{ color: r.calledFen > r.paidFen ? '#b45309' : undefined }}>{money(r.calledFen - r.paidFen)}</span>
                              ),
                            },
                            { title: t('f.purpose'), dataIndex: 'purpose' },
                            writer
                              ? {
                                  title: t('common:actions'),
                                  key: 'a',
                                  width: 110,
                                  render: (_: unknown, r) =>
                                    r.calledFen > r.paidFen ? (
                                      <Button
                                        size="small"
                                        type="link"
                                        data-testid={`record-payment-${r.callNo}`}
                                        onClick={() => {
                                          setCallId(r.id);
                                          setAction('contribute');
                                        }}
                                      >
                                        {t('act.contribute')}
                                      </Button>
                                    ) : null,
                                }
                              : {},
                          ]}
                        />
                      </>
                    ),
                  },
                  {
                    key: 'ledger',
                    label: t('tab.ledger'),
                    children: (
                      <LedgerTab
                        fundId={id}
                        asOf={asOf}
                        writer={writer}
                        onReverse={(e) => {
                          setEntryId(e);
                          setAction('reverse');
                        }}
                      />
                    ),
                  },
                  {
                    key: 'reinvest',
                    label: t('tab.reinvest'),
                    children: <ReinvestTab d={d.reinvest} basis={fund.reinvestBasis} evidence={d.evidence} />,
                  },
                  {
                    key: 'nav',
                    label: t('tab.nav'),
                    children: d.navs.length ? (
                      <Table
                        size="small"
                        rowKey="id"
                        dataSource={d.navs}
                        pagination={false}
                        columns={[
                          { title: t('f.date'), dataIndex: 'date', width: 120 },
                          { title: t('f.nav'), dataIndex: 'navFen', align: 'right', render: (v: number) => f.money(v) },
                          { title: t('f.source'), dataIndex: 'source' },
                        ]}
                      />
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                    ),
                  },
                  {
                    key: 'statements',
                    label: t('tab.statements'),
                    children: <StatementIssues fundId={id} />,
                  },
                  {
                    key: 'rules',
                    label: t('tab.rules'),
                    children: (
                      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="fund-rules">
                        <Descriptions.Item label={t('f.sponsorType')}>
                          {fund.sponsorType ? SPONSOR_TYPES[fund.sponsorType][f.locale === 'en' ? 'en' : 'zh'] : '—'}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('f.decisionDate')}>{fund.decisionDate ?? '—'}</Descriptions.Item>
                        <Descriptions.Item label={t('f.establishedDate')}>{fund.establishedDate ?? '—'}</Descriptions.Item>
                        <Descriptions.Item label={t('f.term')}>{fund.termYears ? t('years', { n: fund.termYears }) : '—'}</Descriptions.Item>
                        <Descriptions.Item label={t('f.investmentPeriod')}>
                          {fund.investmentPeriodYears ? t('years', { n: fund.investmentPeriodYears }) : '—'}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('f.targetSize')}>{fund.targetSizeFen ? f.money(fund.targetSizeFen) : '—'}</Descriptions.Item>
                        <Descriptions.Item label={t('f.govShareCap')}>{fund.govShareCap !== null ? f.percent(fund.govShareCap, 0) : '—'}</Descriptions.Item>
                        <Descriptions.Item label={t('f.override')}>
                          {fund.govShareOverrideAllowed ? t('overrideAllowed') : t('overrideNotAllowed')}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('f.reinvestK')}>
                          {fund.reinvestK === 0 ? t('noRequirement') : `${f.number(fund.reinvestK, 1)} × · ${t(`basis.${fund.reinvestBasis}`)}`}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('f.weights')}>
                          {t('weightsText', { r: fund.reinvestWeightRegistered, l: fund.reinvestWeightRelocated, s: fund.reinvestWeightSubsidiary })}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('f.fee')}>
                          {fund.feeBasis ? `${t(`feeBasis.${fund.feeBasis}`)} · ${f.percent(fund.feeRate, 2)}` : '—'}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('f.sectors')}>
                          {fund.sectorFocus.map((s) => (
                            <Tag key={s}>{SECTORS[s as keyof typeof SECTORS]?.[f.locale === 'en' ? 'en' : 'zh'] ?? s}</Tag>
                          ))}
                        </Descriptions.Item>
                        {d.phases.map((p) => (
                          <Descriptions.Item key={p.phase} label={f.locale === 'en' ? p.nameEn : p.nameZh}>
                            {f.money(p.targetSizeFen)} · {t(`phaseStatus.${p.status}`)} · {p.plannedDate}
                          </Descriptions.Item>
                        ))}
                      </Descriptions>
                    ),
                  },
                ]}
              />
            </Card>
            <FundActionModals
              fundId={id}
              action={action}
              onClose={() => setAction(null)}
              callId={callId}
              entryId={entryId}
              lps={(callOf?.parts ?? []).map((p) => {
                const lp = d.positions.find((x) => x.investorId === p.investorId);
                return { investorId: p.investorId, nameZh: lp?.nameZh ?? '', nameEn: lp?.nameEn ?? '', outstandingFen: p.calledFen - p.paidFen };
              })}
              companies={[...new Map(d.reinvest.lines.map((l) => [l.companyId, { id: l.companyId, name: f.locale === 'en' ? l.nameEn : l.nameZh }])).values()]}
              since={fund.establishedDate}
              holders={d.positions.map((x) => ({ investorId: x.investorId, nameZh: x.nameZh, nameEn: x.nameEn, uncalledFen: x.uncalledFen }))}
            />
          </Page>
        );
      }}
    </QueryState>
  );
}

function LedgerTab(props: { fundId: number; asOf: string; writer: boolean; onReverse: (entryId: number) => void }) {
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

type FundDetail = inferRouterOutputs<AppRouter>['fund']['detail'];

/** The reinvestment engine's answer for the fund, and the investments that count, and why. */
function ReinvestTab(props: { d: FundDetail['reinvest']; basis: 'committed' | 'paid_in'; evidence: FundDetail['evidence'] }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const r = props.d;
  if (!r.required)
    return (
      <Typography.Paragraph type="secondary" data-testid="reinvest-none">
        {t('noRequirementLong')}
      </Typography.Paragraph>
    );
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 12 }} data-testid="reinvest-summary">
        <Descriptions.Item label={t('f.reinvestK')}>{`${f.number(r.k, 1)} × · ${t(`basis.${props.basis}`)}`}</Descriptions.Item>
        <Descriptions.Item label={t('reinvestCounted')}>{f.money(r.countedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('reinvest')}>
          <ReinvestTag status={r.status} completion={r.completion[props.basis]} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reinvestRequired', { basis: t('basis.committed') })}>
          {f.money(r.requiredFen.committed)} · {f.percent(r.completion.committed)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reinvestRequired', { basis: t('basis.paid_in') })}>
          {f.money(r.requiredFen.paid_in)} · {f.percent(r.completion.paid_in)}
        </Descriptions.Item>
        <Descriptions.Item label={t('periodEnd')}>
          {r.periodEnd ?? '—'} {r.elapsed !== null ? `· ${t('elapsed', { pct: f.percent(r.elapsed, 0) })}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('shortfall')}>{f.money(r.shortfallFen)}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(l) => `${l.companyId}-${l.date}`}
        data-testid="reinvest-lines"
        dataSource={r.lines}
        pagination={r.lines.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: t('f.date'), dataIndex: 'date', width: 110 },
          { title: t('f.company'), key: 'c', render: (_: unknown, l) => (f.locale === 'en' ? l.nameEn : l.nameZh) },
          { title: t('zone'), dataIndex: 'zone', width: 140, render: (z: string) => (z in ZONES ? ZONES[z as Zone][f.locale === 'en' ? 'en' : 'zh'] : z) },
          { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => f.money(v) },
          {
            title: t('why'),
            key: 'reason',
            render: (_: unknown, l) => (
              <Tag color={l.weight > 0 ? 'green' : 'default'}>
                {t(`reason.${l.reason}`)}
                {l.evidenceDate ? ` · ${l.evidenceDate}` : ''}
              </Tag>
            ),
          },
          { title: t('weight'), dataIndex: 'weight', align: 'right', width: 70, render: (w: number) => f.number(w, 1) },
          { title: t('reinvestCounted'), dataIndex: 'countedFen', align: 'right', render: (v: number) => f.money(v) },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('evidenceCount', { n: props.evidence.filter((e) => !e.withdrawn).length })}
      </Typography.Text>
    </>
  );
}

/** The quarterly statements the fund issued to its LPs, and whether the books still agree with the version in force (ADR 034). */
function StatementIssues(props: { fundId: number }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const q = useQuery(trpc.fund.statementIssues.queryOptions({ id: props.fundId }));
  return (
    <QueryState query={q}>
      {(rows) =>
        rows.length ? (
          <Table
            size="small"
            rowKey="id"
            data-testid="statement-issues"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: t('issue.quarter'), dataIndex: 'quarter', width: 100 },
              { title: t('issue.issuedAt'), dataIndex: 'issuedAt', width: 170, render: (v: string) => f.instant(v) },
              { title: t('issue.issuedBy'), dataIndex: 'issuedBy', width: 140, render: (v: string | null) => v ?? '—' },
              { title: t('issue.lps'), dataIndex: 'lps', width: 80, align: 'right' },
              {
                title: t('issue.state'),
                key: 'state',
                width: 170,
                render: (_: unknown, r) =>
                  !r.inForce ? (
                    <Tag>{t('issue.superseded')}</Tag>
                  ) : r.agrees ? (
                    <Tag color="green">{t('issue.agrees')}</Tag>
                  ) : (
                    <Tag color="warning" data-testid={`issue-changed-${r.quarter}`}>
                      {t('issue.changed')}
                    </Tag>
                  ),
              },
              { title: t('issue.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
              { title: t('issue.digest'), dataIndex: 'digest', width: 130, render: (v: string) => <code>{v.slice(0, 12)}</code> },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('issue.none')} />
        )
      }
    </QueryState>
  );
}
