/**
 * @highland/shared — the domain: zod schemas, pure finance and policy rules, formatting.
 * Imports zod only; nothing here knows a database, a request or React.
 */
export * from './auth/roles.js';
export * from './auth/schema.js';
export * from './common/dates.js';
export * from './common/errors.js';
export * from './common/schema.js';
export * from './company/uscc.js';
export * from './finance/metrics.js';
export * from './finance/pme.js';
export * from './finance/index-series.js';
export * from './finance/xirr.js';
export * from './format/format.js';
export * from './ledger/allocate.js';
export * from './portfolio/books.js';
export * from './portfolio/capital-account.js';
export * from './portfolio/periods.js';
export * from './portfolio/position.js';
export * from './portfolio/reference.js';
export * from './portfolio/schema.js';
export * from './reference/taxonomy.js';
export * from './company/names.js';
export * from './company/schema.js';
export * from './import/csv.js';
export * from './pipeline/funnel.js';
export * from './pipeline/import.js';
export * from './pipeline/reference.js';
export * from './pipeline/schema.js';
export * from './pipeline/scorecard.js';
export * from './pipeline/stages.js';
export * from './fund-group/compliance.js';
export * from './fund-group/ledger.js';
export * from './fund-group/leverage.js';
export * from './fund-group/money.js';
export * from './fund-group/overview.js';
export * from './fund-group/reinvest.js';
export * from './fund-group/schema.js';
export * from './fund-group/share.js';
export * from './fund-group/entries.js';
export * from './scoreboard/figures.js';
export * from './scoreboard/listing.js';
export * from './scoreboard/portfolio.js';
export * from './scoreboard/progress.js';
export * from './scoreboard/reference.js';
export * from './scoreboard/schema.js';
export * from './scoreboard/support.js';
