import type { Actor } from '@highland/server';
import type { Principal } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from './trpc.js';

/**
 * The actor `auth.me` returns is a Principal, so the policy's predicates (canSee, canReadFund, homePath, …
 * of shared/src/auth/policy.ts) take it as it comes; this line stops the build if the two drift apart.
 */
export const actorIsPrincipal: (a: Actor) => Principal = (a) => a;

/** Who is signed in (null when nobody is), from the server's session cookie. */
export function useSession() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
}

export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
      },
    }),
  );
}
