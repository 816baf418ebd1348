import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';

/** Downloads the overview as XLSX, as of the same date and setting as the page, in the reader's language. */
export function ExportButton(props: { asOf: string; includeDirect: boolean }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await queryClient.fetchQuery(
        trpc.group.exportOverview.queryOptions({ asOf: props.asOf, includeDirect: props.includeDirect, locale: f.locale }, { staleTime: 0 }),
      );
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      void message.success(t('exported', { file: file.filename }));
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="export-xlsx">
      {busy ? t('exporting') : t('export')}
    </Button>
  );
}
