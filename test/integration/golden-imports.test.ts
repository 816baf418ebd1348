import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deal } from '@highland/drizzle';
import { parseIndexCsv, suggestMapping } from '@highland/shared';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fundId } from '../fixtures/factories.js';
import { harness } from './helpers/harness.js';
import { importFile, issuesOf, refusal } from './helpers/pipeline.js';
import { auditCount } from './helpers/sessions.js';

// Every golden file under test/fixtures/import/{ok,not-ok}/ runs through its importer — `deals-*` through
// the deal import route (check, then commit), `index-*` through the index paste parse and the benchmark
// import — and the outcome must equal the `.expected.json` beside it. A new golden file is a new case.
const DIR = fileURLToPath(new URL('../fixtures/import', import.meta.url));
const golden = (['ok', 'not-ok'] as const).flatMap((verdict) =>
  readdirSync(join(DIR, verdict))
    .filter((f) => f.endsWith('.csv'))
    .map((file) => ({
      verdict,
      file,
      bytes: readFileSync(join(DIR, verdict, file)),
      expected: JSON.parse(readFileSync(join(DIR, verdict, file.replace(/\.csv$/, '.expected.json')), 'utf8')) as Record<string, unknown>,
    })),
);

describe('golden import files', () => {
  it('there are ok and not-ok files for both importers', () => {
    const kinds = golden.map((g) => `${g.verdict}/${g.file.split('-')[0]}`);
    expect([...new Set(kinds)].sort()).toEqual(['not-ok/deals', 'not-ok/index', 'ok/deals', 'ok/index']);
  });

  for (const g of golden.filter((x) => x.file.startsWith('deals-')))
    it(`deal import: ${g.verdict}/${g.file}`, async () => {
      const h = await harness();
      const cookie = await h.cookieFor('gp@demo.highland');
      const sf01 = await fundId(h.db, 'SF-01');
      const preview = await importFile(h, cookie, g.bytes, { mode: 'preview' });
      const mapping = (preview.result as { mapping: Record<string, number> } | null)?.mapping ?? suggestMapping([]);
      const check = await importFile(h, cookie, g.bytes, { mode: 'check', fundId: sf01, mapping });
      const before = { deals: (await h.db.select({ n: count() }).from(deal))[0]?.n ?? 0, audit: await auditCount(h.db) };
      const commit = await importFile(h, cookie, g.bytes, { mode: 'commit', fundId: sf01, mapping });
      const after = { deals: (await h.db.select({ n: count() }).from(deal))[0]?.n ?? 0, audit: await auditCount(h.db) };
      const outcome =
        g.verdict === 'ok'
          ? { issues: issuesOf(check), dealsCreated: commit.result?.dealsCreated, companiesCreated: commit.result?.companiesCreated }
          : { issues: issuesOf(check), commit: commit.error?.key };
      expect(outcome).toEqual(g.expected);
      // A refused file writes nothing; an accepted one writes its deals.
      expect(after.deals - before.deals).toBe(g.verdict === 'ok' ? g.expected.dealsCreated : 0);
      if (g.verdict === 'not-ok') expect(after.audit).toBe(before.audit);
    });

  for (const g of golden.filter((x) => x.file.startsWith('index-')))
    it(`index import: ${g.verdict}/${g.file}`, async () => {
      const parsed = parseIndexCsv(g.bytes.toString('utf8'));
      const issues = parsed.issues.map((i) => ({ line: i.line, rule: i.rule }));
      if (issues.length > 0) {
        // The page shows the lines it cannot read and sends nothing.
        expect({ issues }).toEqual(g.expected);
        return;
      }
      const h = await harness();
      const admin = await h.as('admin@demo.highland');
      const input = { code: 'star50', nameZh: '科创50', nameEn: 'STAR 50', source: '中证指数公司 · 收盘', rows: parsed.rows };
      const before = await auditCount(h.db);
      if (g.verdict === 'ok') {
        expect({ issues, imported: await admin.benchmark.import(input) }).toEqual(g.expected);
        expect(await auditCount(h.db)).toBe(before + 1);
      } else {
        const r = await refusal(admin.benchmark.import(input));
        expect({ issues, refusal: r === 'ok' ? r : { code: r.code, rule: r.rule, path: r.path } }).toEqual(g.expected);
        expect(await auditCount(h.db)).toBe(before);
      }
    });
});
