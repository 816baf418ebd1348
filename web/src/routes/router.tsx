import { type Area, canEditFunds, canSee, homePath, isIsoDate, passwordChangePending, type Principal, writesBooks } from '@highland/shared';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden, NotFound } from '../components/ui/results.js';
import { useSession } from '../lib/session.js';
import { errorMessage } from '../lib/errors.js';
import { AppShell } from './app-shell.js';

interface RouterContext {
  queryClient: QueryClient;
}

/** Pages that show figures "as of" a date keep it in the URL: ?asOf=2024-12-31. */
export type AsOfSearch = { asOf?: string };
const asOfSearch = (s: Record<string, unknown>): AsOfSearch => (typeof s.asOf === 'string' && isIsoDate(s.asOf) ? { asOf: s.asOf } : {});
/** The overview also keeps whether direct deals and co-investment count: ?direct=out leaves them out. */
export type OverviewSearch = AsOfSearch & { direct?: 'out' };
const overviewSearch = (s: Record<string, unknown>): OverviewSearch => ({ ...asOfSearch(s), ...(s.direct === 'out' ? { direct: 'out' as const } : {}) });

function Root() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useRouterState({ select: (s) => s.location });
  if (session.isPending)
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  if (session.isError) return <Result status="error" title={t('errorTitle')} subTitle={errorMessage(session.error, t)} />;
  const actor = session.data;
  const onSignIn = location.pathname === '/sign-in';
  if (!actor) return onSignIn ? <Outlet /> : <Navigate to="/sign-in" search={{ redirect: location.href }} replace />;
  // A one-time password not changed yet: the account page only, as the server answers nothing else.
  if (passwordChangePending(actor) && location.pathname !== '/account') return <Navigate to={homePath(actor)} replace />;
  if (onSignIn || location.pathname === '/') {
    const redirect = (location.search as { redirect?: string }).redirect;
    return <Navigate to={redirect?.startsWith('/') && !redirect.startsWith('/sign-in') ? redirect : homePath(actor)} replace />;
  }
  return (
    <AppShell actor={actor}>
      <Outlet />
    </AppShell>
  );
}

/** Shows the page only to those the policy lets in (shared/src/auth/policy.ts); the server refuses the others anyway. */
function Gate(props: { allow: (p: Principal) => boolean; children: ReactNode }) {
  const session = useSession();
  return session.data && props.allow(session.data) ? props.children : <Forbidden />;
}

const gated = (allow: Area | ((p: Principal) => boolean), Page: ReturnType<typeof lazyRouteComponent>) =>
  function GatedPage() {
    return (
      <Gate allow={typeof allow === 'string' ? (p) => canSee(p, allow) : allow}>
        <Page />
      </Gate>
    );
  };

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Root, notFoundComponent: NotFound });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => (typeof s.redirect === 'string' ? { redirect: s.redirect } : {}),
  component: lazyRouteComponent(() => import('../features/auth/sign-in-page.js'), 'SignInPage'),
});
const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: () => null });

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/overview',
  validateSearch: overviewSearch,
  component: gated(
    'overview',
    lazyRouteComponent(() => import('../features/group/overview-page.js'), 'OverviewPage'),
  ),
});
const fundsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds',
  validateSearch: asOfSearch,
  component: gated(
    'funds',
    lazyRouteComponent(() => import('../features/group/funds-page.js'), 'FundsPage'),
  ),
});
const fundNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/new',
  component: gated(
    canEditFunds,
    lazyRouteComponent(() => import('../features/group/fund-form-page.js'), 'FundCreatePage'),
  ),
});
const fundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/$fundId',
  validateSearch: asOfSearch,
  component: gated(
    'funds',
    lazyRouteComponent(() => import('../features/group/fund-page.js'), 'FundPage'),
  ),
});
const fundEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/funds/$fundId/edit',
  component: gated(
    canEditFunds,
    lazyRouteComponent(() => import('../features/group/fund-form-page.js'), 'FundEditPage'),
  ),
});
const portfolioRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portfolio',
  validateSearch: asOfSearch,
  component: gated(
    'portfolio',
    lazyRouteComponent(() => import('../features/lp/portal-page.js'), 'PortalPage'),
  ),
});
const statementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portfolio/statement',
  validateSearch: (s: Record<string, unknown>): { quarter?: string } =>
    typeof s.quarter === 'string' && /^\d{4}Q[1-4]$/.test(s.quarter) ? { quarter: s.quarter } : {},
  component: gated(
    'portfolio',
    lazyRouteComponent(() => import('../features/lp/statement-page.js'), 'StatementPage'),
  ),
});

/** /performance?fundId=&asOf=&tab= : a fund's performance, holdings and look-through. */
export type PerformanceSearch = AsOfSearch & { fundId?: number; tab?: string };
const idOf = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
const performanceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/performance',
  validateSearch: (s: Record<string, unknown>): PerformanceSearch => ({
    ...asOfSearch(s),
    ...(idOf(s.fundId) ? { fundId: idOf(s.fundId) } : {}),
    ...(typeof s.tab === 'string' ? { tab: s.tab } : {}),
  }),
  component: gated(
    'performance',
    lazyRouteComponent(() => import('../features/performance/performance-page.js'), 'PerformancePage'),
  ),
});
export type PositionSearch = AsOfSearch & { fundId?: number; companyId?: number };
const positionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/performance/position',
  validateSearch: (s: Record<string, unknown>): PositionSearch => ({
    ...asOfSearch(s),
    ...(idOf(s.fundId) ? { fundId: idOf(s.fundId) } : {}),
    ...(idOf(s.companyId) ? { companyId: idOf(s.companyId) } : {}),
  }),
  component: gated(
    'performance',
    lazyRouteComponent(() => import('../features/performance/position-page.js'), 'PositionPage'),
  ),
});
// The plan's scoreboard (issue 6): the scoreboard for group readers; designations, listings and support
// for readers and managers (a sub-fund's manager sees their own firms); programmes for administrators.
export type ScoreboardSearch = AsOfSearch & { programme?: number };
const scoreboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/scoreboard',
  validateSearch: (s: Record<string, unknown>): ScoreboardSearch => ({ ...asOfSearch(s), ...(idOf(s.programme) ? { programme: idOf(s.programme) } : {}) }),
  component: gated(
    'scoreboard',
    lazyRouteComponent(() => import('../features/plan/scoreboard-page.js'), 'ScoreboardPage'),
  ),
});
const designationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/designations',
  validateSearch: asOfSearch,
  component: gated(
    'designations',
    lazyRouteComponent(() => import('../features/plan/designations-page.js'), 'DesignationsPage'),
  ),
});
const listingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/listings',
  validateSearch: asOfSearch,
  component: gated(
    'listings',
    lazyRouteComponent(() => import('../features/plan/listings-page.js'), 'ListingsPage'),
  ),
});
const supportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/support',
  validateSearch: asOfSearch,
  component: gated(
    'support',
    lazyRouteComponent(() => import('../features/plan/support-page.js'), 'SupportPage'),
  ),
});
const programmesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/programmes',
  component: gated(
    'programmes',
    lazyRouteComponent(() => import('../features/plan/programmes-page.js'), 'ProgrammesPage'),
  ),
});
const benchmarksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/benchmarks',
  component: gated(
    'benchmarks',
    lazyRouteComponent(() => import('../features/performance/benchmarks-page.js'), 'BenchmarksPage'),
  ),
});
const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  component: gated(
    'users',
    lazyRouteComponent(() => import('../features/users/users-page.js'), 'UsersPage'),
  ),
});
const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  component: gated(
    'audit',
    lazyRouteComponent(() => import('../features/audit/audit-page.js'), 'AuditPage'),
  ),
});
const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../features/account/account-page.js'), 'AccountPage'),
});

/** Pipeline pages keep the fund they show in the URL: ?fund=12. */
export type FundSearch = { fund?: number };
const fundSearch = (s: Record<string, unknown>): FundSearch => {
  const n = Number(s.fund);
  return Number.isInteger(n) && n > 0 ? { fund: n } : {};
};
const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pipeline',
  validateSearch: fundSearch,
  component: gated(
    'pipeline',
    lazyRouteComponent(() => import('../features/pipeline/board-page.js'), 'BoardPage'),
  ),
});
const tableRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pipeline/table',
  validateSearch: fundSearch,
  component: gated(
    'pipeline',
    lazyRouteComponent(() => import('../features/pipeline/table-page.js'), 'TablePage'),
  ),
});
const funnelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pipeline/funnel',
  validateSearch: fundSearch,
  component: gated(
    'pipeline',
    lazyRouteComponent(() => import('../features/pipeline/funnel-page.js'), 'FunnelPage'),
  ),
});
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pipeline/import',
  validateSearch: fundSearch,
  component: gated(
    writesBooks,
    lazyRouteComponent(() => import('../features/pipeline/import-page.js'), 'ImportPage'),
  ),
});
const dealRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pipeline/deals/$dealId',
  component: gated(
    'pipeline',
    lazyRouteComponent(() => import('../features/pipeline/deal-page.js'), 'DealPage'),
  ),
});
const selectionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/selection',
  component: gated(
    'selection',
    lazyRouteComponent(() => import('../features/pipeline/board-page.js'), 'SelectionPage'),
  ),
});
const overlapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/overlap',
  component: gated(
    'overlap',
    lazyRouteComponent(() => import('../features/pipeline/overlap-page.js'), 'OverlapPage'),
  ),
});
const companiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/companies',
  component: gated(
    'companies',
    lazyRouteComponent(() => import('../features/pipeline/companies-page.js'), 'CompaniesPage'),
  ),
});
const companyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/companies/$companyId',
  component: gated(
    'companies',
    lazyRouteComponent(() => import('../features/pipeline/companies-page.js'), 'CompanyPage'),
  ),
});

// Later issues add their routes here.
const routeTree = rootRoute.addChildren([
  signInRoute,
  indexRoute,
  overviewRoute,
  fundsRoute,
  fundNewRoute,
  fundRoute,
  fundEditRoute,
  portfolioRoute,
  statementRoute,
  performanceRoute,
  positionRoute,
  usersRoute,
  benchmarksRoute,
  auditRoute,
  accountRoute,
  boardRoute,
  tableRoute,
  funnelRoute,
  importRoute,
  dealRoute,
  selectionRoute,
  overlapRoute,
  companiesRoute,
  companyRoute,
  scoreboardRoute,
  designationsRoute,
  listingsRoute,
  supportRoute,
  programmesRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
