import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../../lib/download.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';

/** Downloads the fund's performance and look-through as XLSX, as of the page's date, in the reader's language. */
export function PerformanceExportButton(props: { fundId: number | undefined; asOf: string }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const { fundId, asOf } = props;
  const run = async (id: number) => {
    setBusy(true);
    try {
      const file = await queryClient.fetchQuery(trpc.performance.exportXlsx.queryOptions({ fundId: id, asOf, locale: f.locale }, { staleTime: 0 }));
      downloadBase64(file);
      void message.success(t('exported', { file: file.filename }));
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={fundId === undefined}
      onClick={() => fundId !== undefined && void run(fundId)}
      data-testid="performance-export"
    >
      {busy ? t('exporting') : t('export')}
    </Button>
  );
}
