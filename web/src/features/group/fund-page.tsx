import { EditOutlined, MoreOutlined } from '@ant-design/icons';
import { canCommitToFund, canEditFunds, canWriteFund, type FUND_KINDS } from '@highland/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Dropdown, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';
import { FundActionModals } from './fund-actions.js';
import type { FundAction } from './fund-actions/kit.js';
import { CallsTab } from './fund-page/calls-tab.js';
import { LedgerTab } from './fund-page/ledger-tab.js';
import { LpsTab } from './fund-page/lps-tab.js';
import { NavTab } from './fund-page/nav-tab.js';
import { ReinvestTab } from './fund-page/reinvest-tab.js';
import { RulesTab } from './fund-page/rules-tab.js';
import { FundStats } from './fund-page/stats.js';
import { StatementIssues } from './fund-page/statements-tab.js';

const route = getRouteApi('/funds/$fundId');
const kindColor: Record<keyof typeof FUND_KINDS, string> = { mother: 'red', sub: 'blue', direct_vehicle: 'purple' };

/**
 * One fund's page: facts and rules, each LP's position, calls, the ledger, reinvestment and NAV — as of a
 * date. What the reader may do comes from the shared permission predicates (shared/src/auth/policy.ts).
 */
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
  const actor = session.data ?? null;
  return (
    <QueryState query={q}>
      {(d) => {
        const fund = d.fund;
        const path = fund.parentFundId === null ? [fund.id] : [fund.id, fund.parentFundId];
        const writer = actor !== null && canWriteFund(actor, fund.id);
        const committer = actor !== null && canCommitToFund(actor, path);
        const editor = actor !== null && canEditFunds(actor);
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
        const manager = fund.managerZh === null ? null : f.name({ nameZh: fund.managerZh, nameEn: fund.managerEn });
        return (
          <Page
            title={
              <Space>
                <span data-testid="fund-title">{f.name(fund)}</span>
                <Tag color={kindColor[fund.kind]}>{t(`kinds.${fund.kind}`)}</Tag>
                {fund.batch ? <Tag>{t('batchN', { n: fund.batch })}</Tag> : null}
                <Tag color={fund.status === 'investing' ? 'green' : 'default'} data-testid="fund-status">
                  {t(`statuses.${fund.status}`)}
                </Tag>
              </Space>
            }
            subtitle={`${fund.code} · ${manager ?? '—'}${fund.parentCode ? ` · ${t('parent')} ${fund.parentCode}` : ''}`}
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
            <FundStats d={d} />
            <Card size="small" style={{ marginTop: 12 }}>
              <Tabs
                items={[
                  { key: 'lps', label: `${t('tab.lps')} (${d.positions.length})`, children: <LpsTab d={d} /> },
                  {
                    key: 'calls',
                    label: `${t('tab.calls')} (${d.calls.length})`,
                    children: (
                      <CallsTab
                        d={d}
                        writer={writer}
                        onPay={(c) => {
                          setCallId(c);
                          setAction('contribute');
                        }}
                      />
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
                  { key: 'reinvest', label: t('tab.reinvest'), children: <ReinvestTab d={d.reinvest} basis={fund.reinvestBasis} evidence={d.evidence} /> },
                  { key: 'nav', label: t('tab.nav'), children: <NavTab d={d} /> },
                  { key: 'statements', label: t('tab.statements'), children: <StatementIssues fundId={id} /> },
                  { key: 'rules', label: t('tab.rules'), children: <RulesTab d={d} /> },
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
              companies={[...new Map(d.reinvest.lines.map((l) => [l.companyId, { id: l.companyId, name: f.name(l) }])).values()]}
              since={fund.establishedDate}
              holders={d.positions.map((x) => ({ investorId: x.investorId, nameZh: x.nameZh, nameEn: x.nameEn, uncalledFen: x.uncalledFen }))}
            />
          </Page>
        );
      }}
    </QueryState>
  );
}
