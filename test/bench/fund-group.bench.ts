import { fundLedgerTotals } from '@highland/server/data/group';
import { defineBench } from './harness.js';

const AS_OF = '2023-12-31';

export default defineBench({
  id: 'fund-group',
  title: 'Fund group: as-of ledger totals',
  about: `Σ ledger amounts per fund and kind as of ${AS_OF} over the whole stress ledger, as the data layer computes them, against the same \`SUM … GROUP BY\` sent as raw SQL through the libSQL client.`,
  async prepare(ctx) {
    const db = await ctx.openDb();
    const raw = `SELECT fund_id, kind, SUM(amount_fen) AS total FROM ledger_entry WHERE date <= ? GROUP BY fund_id, kind`;
    return {
      cases: [
        {
          name: `ledger totals per fund and kind as of ${AS_OF}`,
          run: async () => {
            const m = await fundLedgerTotals(db, AS_OF);
            let sum = 0;
            for (const t of m.values()) sum += t.contribution;
            return sum;
          },
          baseline: {
            name: 'raw SQL SUM … GROUP BY',
            run: async () => {
              const rs = await db.$client.execute({ sql: raw, args: [AS_OF] });
              return rs.rows.reduce((a, r) => a + (r.kind === 'contribution' ? Number(r.total) : 0), 0);
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} ≠ ${String(b)}`),
          iterations: 5,
        },
      ],
    };
  },
});
