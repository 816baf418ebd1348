import { useQueryClient } from '@tanstack/react-query';
import { DownloadButton } from '../../components/ui/download-button.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';

/** Downloads the fund's performance and look-through as XLSX, as of the page's date, in the reader's language. */
export function PerformanceExportButton(props: { fundId: number | undefined; asOf: string }) {
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { fundId, asOf } = props;
  return (
    <DownloadButton
      testId="performance-export"
      disabled={fundId === undefined}
      fetch={() => queryClient.fetchQuery(trpc.performance.exportXlsx.queryOptions({ fundId: fundId ?? 0, asOf, locale: f.locale }, { staleTime: 0 }))}
    />
  );
}
