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
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Actor } from '@highland/server';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
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
    { path: '/overview', label: 'overview', icon: <DashboardOutlined />, visible: (a) => a.role === 'government' || a.role === 'admin' || a.managesMotherFund },
    { path: '/funds', label: 'funds', icon: <FundOutlined />, visible: (a) => a.role === 'manager' },
    { path: '/pipeline', label: 'pipeline', icon: <ProjectOutlined />, visible: (a) => a.role === 'manager' || a.role === 'government' },
    { path: '/companies', label: 'companies', icon: <BankOutlined />, visible: (a) => a.role === 'manager' || a.role === 'government' },
    { path: '/selection', label: 'selection', icon: <SolutionOutlined />, visible: (a) => a.role === 'government' || a.managesMotherFund },
    { path: '/overlap', label: 'overlap', icon: <NodeIndexOutlined />, visible: (a) => a.role === 'government' || a.managesMotherFund },
    { path: '/performance', label: 'performance', icon: <AreaChartOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/scoreboard', label: 'scoreboard', icon: <AimOutlined />, visible: (a) => a.role === 'government' || a.role === 'admin' || a.managesMotherFund },
    { path: '/designations', label: 'designations', icon: <TrophyOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/listings', label: 'listings', icon: <RiseOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/support', label: 'support', icon: <GiftOutlined />, visible: (a) => a.role !== 'lp' },
    { path: '/portfolio', label: 'portfolio', icon: <PieChartOutlined />, visible: (a) => a.role === 'lp' },
    { path: '/admin/users', label: 'users', icon: <TeamOutlined />, visible: (a) => a.role === 'admin' },
    { path: '/admin/programmes', label: 'programmes', icon: <FlagOutlined />, visible: (a) => a.role === 'admin' },
    { path: '/audit', label: 'audit', icon: <AuditOutlined />, visible: (a) => a.role === 'admin' || a.role === 'government' },
    { path: '/account', label: 'account', icon: <UserOutlined />, visible: () => true },
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
