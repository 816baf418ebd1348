import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64, downloadErrorMessage, downloadUrl, type ServerFile } from '../../lib/download.js';

/**
 * Every download in the app goes through here: it asks the server for the file — a tRPC export (`fetch`,
 * base64) or a plain HTTP endpoint (`url`) —, is busy while it waits, then says what was saved or why not.
 * A download never fails silently.
 */
export function useDownload() {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (source: { fetch: () => Promise<ServerFile> } | { url: string }) => {
    setBusy(true);
    try {
      let name: string;
      if ('url' in source) name = await downloadUrl(source.url);
      else {
        const file = await source.fetch();
        downloadBase64(file);
        name = file.filename;
      }
      void message.success(t('exported', { file: name }));
    } catch (e) {
      void message.error({ content: downloadErrorMessage(e, t), key: 'download-error' });
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}

/** A button that downloads one file (see useDownload); its label says what it saves (default: Export to Excel). */
export function DownloadButton(
  props: ({ fetch: () => Promise<ServerFile>; url?: never } | { url: string; fetch?: never }) & {
    testId: string;
    disabled?: boolean;
    label?: ReactNode;
    type?: 'default' | 'primary' | 'link' | 'text';
    size?: 'small' | 'middle' | 'large';
  },
) {
  const { t } = useTranslation('common');
  const d = useDownload();
  return (
    <Button
      icon={<DownloadOutlined />}
      type={props.type}
      size={props.size}
      loading={d.busy}
      disabled={props.disabled}
      onClick={() => void d.run(props.url !== undefined ? { url: props.url } : { fetch: props.fetch as () => Promise<ServerFile> })}
      data-testid={props.testId}
    >
      {d.busy ? t('exporting') : (props.label ?? t('exportExcel'))}
    </Button>
  );
}
