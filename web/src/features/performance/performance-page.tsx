import { canWriteFund } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Col, Empty, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { PmeNote } from '../../components/ui/pme-note.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';
import { PerformanceExportButton } from './export-button.js';
import { Holdings } from './performance-page/holdings-tab.js';
import { Interests } from './performance-page/interests-tab.js';
import { LookThrough } from './performance-page/look-through-tab.js';
import { Overview } from './performance-page/overview-tab.js';
import { Reviews } from './performance-page/reviews-tab.js';
import type { Performance } from './performance-page/types.js';

const route = getRouteApi('/performance');
const kindColor: Record<string, string> = { mother: 'red', sub: 'blue', direct_vehicle: 'purple' };

/** A fund's performance as of a date: net and gross figures, history, holdings, fund interests, look-through, mark reviews. */
export function PerformancePage() {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const funds = useQuery(trpc.performance.funds.queryOptions());
  const fundId = search.fundId ?? funds.data?.find((x) => x.kind === 'mother')?.id ?? funds.data?.[0]?.id;
  const q = useQuery({ ...trpc.performance.fund.queryOptions({ fundId: fundId ?? 0, asOf }), enabled: fundId !== undefined });
  const info = q.data?.fund;
  const set = (next: Partial<{ fundId: number; asOf: string; tab: string }>) => void navigate({ search: (s) => ({ ...s, ...next }) });
  return (
    <Page
      title={t('title')}
      subtitle={
        info
          ? t('subtitle', { fund: f.name(info), manager: (info.managerZh === null ? null : f.name({ nameZh: info.managerZh, nameEn: info.managerEn })) ?? '' })
          : null
      }
      extra={
        <Space wrap>
          <Select
            data-testid="fund-picker"
            style={{ width: 320 }}
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={t('pickFund')}
            value={fundId}
            onChange={(id: number) => set({ fundId: id, tab: undefined })}
            options={(funds.data ?? []).map((x) => ({
              value: x.id,
              search: `${x.code} ${x.nameZh} ${x.nameEn}`,
              label: (
                <span>
                  <Tag color={kindColor[x.kind]} style={{ marginRight: 6 }}>
                    {x.code}
                  </Tag>
                  {f.name(x)}
                </span>
              ),
            }))}
          />
          <AsOfPicker value={asOf} onChange={(d) => set({ asOf: d })} />
          <PerformanceExportButton fundId={fundId} asOf={asOf} />
        </Space>
      }
    >
      <QueryState query={q} idle={funds.isSuccess ? <Empty description={t('common:empty')} /> : undefined}>
        {(d) => <FundView data={d} tab={search.tab ?? 'overview'} onTab={(tab) => set({ tab })} />}
      </QueryState>
    </Page>
  );
}

function FundView(props: { data: Performance; tab: string; onTab: (tab: string) => void }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const session = useSession();
  const d = props.data;
  const s = d.summary;
  const writable = session.data ? canWriteFund(session.data, d.fund.id) : false;
  const tabs = [
    { key: 'overview', label: t('tabs.overview'), children: <Overview data={d} writable={writable} /> },
    ...(d.holdings.length || d.fund.kind !== 'mother'
      ? [{ key: 'holdings', label: `${t('tabs.holdings')} (${d.holdings.length})`, children: <Holdings data={d} writable={writable} /> }]
      : []),
    ...(d.interests.length ? [{ key: 'funds', label: `${t('tabs.funds')} (${d.interests.length})`, children: <Interests data={d} /> }] : []),
    { key: 'lookThrough', label: t('tabs.lookThrough'), children: <LookThrough fundId={d.fund.id} asOf={d.asOf} /> },
    { key: 'reviews', label: `${t('tabs.reviews')}${d.pendingValuations ? ` (${d.pendingValuations})` : ''}`, children: <Reviews /> },
  ];
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('net')}
      </Typography.Text>
      <Row gutter={[12, 12]} style={{ marginTop: 4 }}>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="perf-committed" label={t('committed')} value={f.money(s.committedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="perf-paid-in" label={t('paidIn')} value={f.money(s.paidInFen)} progress={s.committedFen ? s.paidInFen / s.committedFen : 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('distributed')} value={f.money(s.distributedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="perf-nav" label={t('nav')} value={f.money(s.navFen)} note={t('navNote', { cash: f.money(s.cashFen) })} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat
            testId="perf-irr"
            label={t('netIrr')}
            value={s.irr === null && s.paidInFen > 0 ? t('irrNone') : f.percent(s.irr)}
            note={<PmeNote pme={d.pme} />}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat
            testId="perf-tvpi"
            label={t('tvpi')}
            value={f.multiple(s.tvpi)}
            note={`${t('dpi')} ${f.multiple(s.dpi)} · ${t('rvpi')} ${f.multiple(s.rvpi)}`}
          />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 12 }}>
        {t('gross')}
      </Typography.Text>
      <Row gutter={[12, 12]} style={{ marginTop: 4 }}>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('invested')} value={f.money(s.gross.investedFen)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('realised')} value={f.money(s.gross.realisedFen)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('unrealised')} value={f.money(s.gross.unrealisedFen)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('grossMoic')} value={f.multiple(s.gross.moic)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('grossIrr')} value={f.percent(s.gross.irr)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('cash')} value={f.money(s.cashFen)} />
        </Col>
      </Row>
      <Tabs
        style={{ marginTop: 12 }}
        activeKey={tabs.some((x) => x.key === props.tab) ? props.tab : 'overview'}
        onChange={props.onTab}
        items={tabs}
        destroyOnHidden
      />
    </>
  );
}
