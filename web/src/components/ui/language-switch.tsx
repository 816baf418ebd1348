import { useMutation } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLocale } from '../../lib/i18n.js';
import { useTRPC } from '../../lib/trpc.js';

/** 中文 / English. Signed in, the choice is also saved to the account (persist=false on the sign-in page). */
export function LanguageSwitch(props: { persist?: boolean }) {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const save = useMutation(trpc.auth.setLocale.mutationOptions());
  return (
    <Segmented
      size="small"
      data-testid="language-switch"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(v) => {
        const locale = v === 'en' ? 'en' : 'zh-CN';
        void i18n.changeLanguage(locale);
        rememberLocale(locale);
        if (props.persist !== false) save.mutate({ locale });
      }}
    />
  );
}
