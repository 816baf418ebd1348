// One module per domain; later issues add theirs here.
export * from './audit.js';
export * from './auth.js';
export * from './company.js';
export * from './fund.js';
export * from './ledger.js';
export * from './partner.js';
export * from './pipeline.js';
export * from './portfolio.js';
export * from './scoreboard.js';
