import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.js';

/**
 * Loading, error and empty states for one query, the same on every page: a skeleton while loading,
 * a translated error with a retry, an empty state when `isEmpty` says so. A query that is not enabled yet
 * waits with the skeleton while what it depends on loads; a page whose query may stay disabled (a parameter it
 * needs is missing) passes `idle` — what to say instead of a skeleton that would wait forever.
 */
export function QueryState<T>(props: {
  query: UseQueryResult<T, unknown>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Shown while the query is disabled (a parameter it needs is missing), instead of the skeleton. */
  idle?: ReactNode;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isPending && query.fetchStatus === 'idle' && props.idle !== undefined) return <>{props.idle}</>;
  if (query.isPending) return <Skeleton active paragraph={{ rows: props.rows ?? 6 }} />;
  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('errorTitle')}
        description={errorMessage(query.error, t)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('retry')}
          </Button>
        }
      />
    );
  if (props.isEmpty?.(query.data)) return <>{props.empty ?? <Empty description={t('empty')} />}</>;
  return <>{props.children(query.data)}</>;
}
