import {
  AimOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  FlagOutlined,
  FundOutlined,
  GiftOutlined,
  NodeIndexOutlined,
  PieChartOutlined,
  ProjectOutlined,
  RiseOutlined,
  StockOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type Area, canSee, type Principal, readsEveryFund } from '@highland/shared';
import type { ReactNode } from 'react';

/** Sections of the navigation, shown as headed groups when a role has many pages. */
export type NavSection = 'group' | 'deals' | 'plan' | 'system';
export const NAV_SECTIONS: NavSection[] = ['group', 'deals', 'plan', 'system'];

export interface NavItem {
  path: string;
  section: NavSection;
  /** Key in the `nav` namespace. */
  label: string;
  icon: ReactNode;
  /** The area of the app the entry opens (canSee decides); none for the account page, which everyone has. */
  area: Area | null;
}

/** An entry before it is shown: its label may depend on who looks. */
type NavEntry = Omit<NavItem, 'label'> & { label: string | ((p: Principal) => string) };

/**
 * The navigation: one entry per area of the app, shown to exactly those `canSee` lets open it
 * (shared/src/auth/policy.ts, ADR 044), the same rule as the route guards and the server.
 */
export function navItems(): NavEntry[] {
  return [
    { path: '/overview', section: 'group', label: 'overview', icon: <DashboardOutlined />, area: 'overview' },
    { path: '/funds', section: 'group', label: (p) => (readsEveryFund(p) ? 'allFunds' : 'funds'), icon: <FundOutlined />, area: 'funds' },
    { path: '/performance', section: 'group', label: 'performance', icon: <AreaChartOutlined />, area: 'performance' },
    { path: '/portfolio', section: 'group', label: 'portfolio', icon: <PieChartOutlined />, area: 'portfolio' },
    { path: '/pipeline', section: 'deals', label: 'pipeline', icon: <ProjectOutlined />, area: 'pipeline' },
    { path: '/companies', section: 'deals', label: 'companies', icon: <BankOutlined />, area: 'companies' },
    { path: '/selection', section: 'deals', label: 'selection', icon: <SolutionOutlined />, area: 'selection' },
    { path: '/overlap', section: 'deals', label: 'overlap', icon: <NodeIndexOutlined />, area: 'overlap' },
    { path: '/scoreboard', section: 'plan', label: 'scoreboard', icon: <AimOutlined />, area: 'scoreboard' },
    { path: '/designations', section: 'plan', label: 'designations', icon: <TrophyOutlined />, area: 'designations' },
    { path: '/listings', section: 'plan', label: 'listings', icon: <RiseOutlined />, area: 'listings' },
    { path: '/support', section: 'plan', label: 'support', icon: <GiftOutlined />, area: 'support' },
    { path: '/admin/users', section: 'system', label: 'users', icon: <TeamOutlined />, area: 'users' },
    { path: '/admin/programmes', section: 'system', label: 'programmes', icon: <FlagOutlined />, area: 'programmes' },
    { path: '/admin/benchmarks', section: 'system', label: 'benchmarks', icon: <StockOutlined />, area: 'benchmarks' },
    { path: '/audit', section: 'system', label: 'audit', icon: <AuditOutlined />, area: 'audit' },
    { path: '/account', section: 'system', label: 'account', icon: <UserOutlined />, area: null },
  ];
}

/** The entries `p` sees: "my funds" for a manager, "funds" for those who read every fund. */
export function visibleNavItems(p: Principal): NavItem[] {
  return navItems()
    .filter((i) => i.area === null || canSee(p, i.area))
    .map((i) => ({ ...i, label: typeof i.label === 'function' ? i.label(p) : i.label }));
}
