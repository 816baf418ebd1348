import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { QueryState } from '../../components/ui/query-state.js';
import { useTRPC } from '../../lib/trpc.js';
import { DealView } from './deal/deal-view.js';

const route = getRouteApi('/pipeline/deals/$dealId');

/** One deal: where it stands, its timeline, scorecards and notes, its company; moves and edits for its managers. */
export function DealPage() {
  const { dealId } = route.useParams();
  const trpc = useTRPC();
  const q = useQuery(trpc.deal.get.queryOptions({ id: Number(dealId) }));
  return (
    <QueryState query={q} rows={12}>
      {(d) => <DealView d={d} />}
    </QueryState>
  );
}
