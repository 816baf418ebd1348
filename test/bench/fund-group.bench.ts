import { groupOverview } from '@highland/server/data/fund-group';
import { defineBench } from './harness.js';

const AS_OF = '2023-12-31';
const placeholder = defineBench({
  id: 'fund-group',
  title: 'Fund group',
  about: 'pending',
  async prepare(ctx) {
    const db = await ctx.openDb();
    return {
      cases: [
        {
          name: 'overview',
          run: () => groupOverview(db, AS_OF),
          baseline: { name: 'raw', run: () => db.$client.execute('SELECT 1') },
        },
      ],
    };
  },
});
export default placeholder;
