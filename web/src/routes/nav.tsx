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
import type { Actor } from '@highland/server';
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
  visible: (actor: Actor) => boolean;
}

/**
 * The navigation, by role: government — overview, pipelines (read), selection, overlap; manager — my
 * funds, pipeline, companies (and the overview, selection and overlap for the mother fund's managers);
 * LP — my portfolio; admin — users and audit. The server enforces the same rules.
 */
export function navItems(): NavItem[] {
  return [
    {
      path: '/overview',
      section: 'group',
      label: 'overview',
      icon: <DashboardOutlined />,
      visible: (a) => a.role === 'government' || a.role === 'admin' || a.managesMotherFund,
    },
    { path: '/funds', section: 'group', label: 'funds', icon: <FundOutlined />, visible: (a) => a.role === 'manager' },
    { path: '/performance', section: 'group', label: 'performance', icon: <AreaChartOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/portfolio', section: 'group', label: 'portfolio', icon: <PieChartOutlined />, visible: (a) => a.role === 'lp' },
    { path: '/pipeline', section: 'deals', label: 'pipeline', icon: <ProjectOutlined />, visible: (a) => a.role === 'manager' || a.role === 'government' },
    { path: '/companies', section: 'deals', label: 'companies', icon: <BankOutlined />, visible: (a) => a.role === 'manager' || a.role === 'government' },
    { path: '/selection', section: 'deals', label: 'selection', icon: <SolutionOutlined />, visible: (a) => a.role === 'government' || a.managesMotherFund },
    { path: '/overlap', section: 'deals', label: 'overlap', icon: <NodeIndexOutlined />, visible: (a) => a.role === 'government' || a.managesMotherFund },
    {
      path: '/scoreboard',
      section: 'plan',
      label: 'scoreboard',
      icon: <AimOutlined />,
      visible: (a) => a.role === 'government' || a.role === 'admin' || a.managesMotherFund,
    },
    { path: '/designations', section: 'plan', label: 'designations', icon: <TrophyOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/listings', section: 'plan', label: 'listings', icon: <RiseOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/support', section: 'plan', label: 'support', icon: <GiftOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/admin/users', section: 'system', label: 'users', icon: <TeamOutlined />, visible: (a) => a.role === 'admin' },
    { path: '/admin/programmes', section: 'system', label: 'programmes', icon: <FlagOutlined />, visible: (a) => a.role === 'admin' },
    { path: '/admin/benchmarks', section: 'system', label: 'benchmarks', icon: <StockOutlined />, visible: (a) => a.role === 'admin' },
    { path: '/audit', section: 'system', label: 'audit', icon: <AuditOutlined />, visible: (a) => a.role === 'admin' || a.role === 'government' },
    { path: '/account', section: 'system', label: 'account', icon: <UserOutlined />, visible: () => true },
  ];
}

/** Where each role lands after signing in. */
export function landingPath(actor: Actor): string {
  switch (actor.role) {
    case 'government':
      return '/overview';
    case 'admin':
      return '/admin/users';
    case 'lp':
      return '/portfolio';
    case 'manager':
      return actor.managesMotherFund ? '/overview' : '/funds';
  }
}
