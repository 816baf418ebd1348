import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { setBusinessTimeZone } from '../../lib/business-date.js';
import { useTRPC } from '../../lib/trpc.js';

/**
 * Reads the deployment's zone (`system.info`) before the pages render, so every "today" and every date taken
 * from a timestamp is in that zone from the first paint. If the server cannot say, the default zone stands.
 */
export function BusinessZone(props: { children: ReactNode }) {
  const trpc = useTRPC();
  const info = useQuery({ ...trpc.system.info.queryOptions(), staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  if (info.isPending) return <Spin fullscreen delay={300} />;
  setBusinessTimeZone(info.data?.timeZone);
  return <>{props.children}</>;
}
