import { useQueryClient } from '@tanstack/react-query';
import { DownloadButton } from '../../components/ui/download-button.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';

/** Downloads the overview as XLSX, as of the same date and setting as the page, in the reader's language. */
export function ExportButton(props: { asOf: string; includeDirect: boolean }) {
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <DownloadButton
      testId="export-xlsx"
      fetch={() =>
        queryClient.fetchQuery(
          trpc.group.exportOverview.queryOptions({ asOf: props.asOf, includeDirect: props.includeDirect, locale: f.locale }, { staleTime: 0 }),
        )
      }
    />
  );
}
