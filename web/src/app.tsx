import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusinessZone } from './components/ui/business-zone.js';
import { createQueryClient, createTrpcClient, TRPCProvider } from './lib/trpc.js';
import { createAppRouter } from './routes/router.js';

/**
 * Chinese pages take a CJK font first (its punctuation is the right width); English pages take a Latin font
 * first, or quotes and apostrophes borrow the CJK font's full-width glyphs ("programme’ s").
 */
const CJK_FIRST =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif';
const LATIN_FIRST =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** Brand colours: a deep government blue with a restrained red accent. */
const themeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1d4ed8',
    colorInfo: '#1d4ed8',
    colorError: '#d4380d',
    borderRadius: 4,
    fontFamily: CJK_FIRST,
  },
  components: {
    Layout: { siderBg: '#0f1f3d', headerBg: '#ffffff', bodyBg: '#f3f5f9' },
    Menu: { darkItemBg: '#0f1f3d', darkSubMenuItemBg: '#0b1830', darkItemSelectedBg: '#1d4ed8' },
    Table: { headerBg: '#f5f7fb', cellPaddingBlockSM: 6 },
    Card: { headerFontSize: 15 },
  },
};
const themeEn = { ...themeConfig, token: { ...themeConfig.token, fontFamily: LATIN_FIRST } };

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(() =>
    createQueryClient(() => {
      // The session ended (expired or signed out elsewhere): re-read who we are; the root route redirects.
      void queryClient.invalidateQueries({ queryKey: [['auth', 'me']] });
    }),
  );
  const [trpcClient] = useState(() => createTrpcClient());
  const router = useMemo(() => createAppRouter(queryClient), [queryClient]);
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={zh ? themeConfig : themeEn} componentSize="middle">
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <BusinessZone>
              <RouterProvider router={router} />
            </BusinessZone>
          </TRPCProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
