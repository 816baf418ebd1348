import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBase64 } from '../../lib/download.js';
import { errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import type { AuditQuery } from './use-audit-filters.js';

/** The filtered trail as a file for an inspector: XLSX or CSV, made by the server; says what was saved or why not. */
export function AuditExport(props: { query: AuditQuery }) {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    try {
      const input = { ...props.query, format, locale: i18n.language === 'en' ? ('en' as const) : ('zh-CN' as const) };
      const file = await queryClient.fetchQuery({ ...trpc.audit.export.queryOptions(input), staleTime: 0 });
      downloadBase64(file);
      void message.success(t('exported', { file: file.filename, n: file.count }));
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={busy === format}
          disabled={busy !== null}
          onClick={() => void run(format)}
          data-testid={`audit-export-${format}`}
        >
          {busy === format ? t('exporting') : t(format === 'xlsx' ? 'exportXlsx' : 'exportCsv')}
        </Button>
      ))}
    </Space>
  );
}
