import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../../lib/download.js';
import { errorMessage } from '../../lib/errors.js';

type ServerFile = { filename: string; contentType: string; base64: string };

/**
 * A button that asks the server for a file (an export, as base64) and saves it, busy while it waits; says
 * what was saved, or why not.
 */
export function DownloadButton(props: { fetch: () => Promise<ServerFile>; testId: string; disabled?: boolean }) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await props.fetch();
      downloadBase64(file);
      void message.success(t('exported', { file: file.filename }));
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={props.disabled} onClick={() => void run()} data-testid={props.testId}>
      {busy ? t('exporting') : t('exportExcel')}
    </Button>
  );
}
