import type { AppRouter } from '@highland/server';
import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export type { AppRouter };

/** useTRPC() gives typed query/mutation options: trpc.group.overview.queryOptions({ asOf }). */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) })],
  });
}

/** A signed-out session anywhere sends the app back to the sign-in page (the root route reads `auth.me`). */
export function createQueryClient(onUnauthenticated: () => void) {
  const isUnauthenticated = (e: unknown) => e instanceof TRPCClientError && e.data?.code === 'UNAUTHORIZED';
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, e) => !(e instanceof TRPCClientError) && count < 2,
      },
    },
    queryCache: new QueryCache({ onError: (e) => isUnauthenticated(e) && onUnauthenticated() }),
    mutationCache: new MutationCache({ onError: (e) => isUnauthenticated(e) && onUnauthenticated() }),
  });
}
