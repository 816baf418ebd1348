import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { SignInSchema } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.js';
import { rememberLocale } from '../../lib/i18n.js';
import { useTRPC } from '../../lib/trpc.js';
import { applyServerErrors, zodRule } from '../../lib/validation.js';
import { LanguageSwitch } from '../../components/ui/language-switch.js';

const DEMO = ['gov@demo.highland', 'fof@demo.highland', 'gp@demo.highland', 'lp@demo.highland', 'admin@demo.highland'];
const DEMO_ROLE: Record<string, string> = {
  'gov@demo.highland': 'government',
  'fof@demo.highland': 'manager',
  'gp@demo.highland': 'manager',
  'lp@demo.highland': 'lp',
  'admin@demo.highland': 'admin',
};

export function SignInPage() {
  const { t, i18n } = useTranslation(['auth', 'common']);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const info = useQuery(trpc.system.info.queryOptions());
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (actor) => {
        if (actor.locale !== i18n.language && !localStorage.getItem('highland.locale')) {
          void i18n.changeLanguage(actor.locale);
          rememberLocale(actor.locale);
        }
        queryClient.setQueryData(trpc.auth.me.queryKey(), actor);
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, t, ['email', 'password'])) setError(errorMessage(e, t));
      },
    }),
  );
  return (
    <div className="hl-signin">
      <div className="hl-signin-brand">
        <Typography.Text style={{ color: 'rgba(255,255,255,0.7)' }}>{t('welcome')}</Typography.Text>
        <h1>
          {t('common:product')} · {t('common:productFull')}
        </h1>
        <p>{t('intro')}</p>
      </div>
      <Card className="hl-signin-card" title={t('title')} extra={<LanguageSwitch persist={false} />}>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onValuesChange={() => setError(null)}
          onFinish={(v) => signIn.mutate(v)}
          data-testid="sign-in-form"
        >
          <Form.Item name="email" label={t('email')} rules={[zodRule(SignInSchema.shape.email, t)]}>
            <Input prefix={<MailOutlined />} autoComplete="username" data-testid="email" placeholder="name@example.gov.cn" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[zodRule(SignInSchema.shape.password, t)]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="password" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" /> : null}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="sign-in-submit">
            {t('submit')}
          </Button>
        </Form>
        {info.data?.demo ? (
          <List
            style={{ marginTop: 20 }}
            size="small"
            header={<Typography.Text type="secondary">{t('demoTitle')}</Typography.Text>}
            dataSource={DEMO}
            renderItem={(email) => (
              <List.Item
                actions={[
                  <Button key="use" type="link" size="small" onClick={() => form.setFieldsValue({ email, password: 'demo-highland-2026' })}>
                    {t('demoUse')}
                  </Button>,
                ]}
              >
                <Typography.Text code>{email}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`common:roles.${DEMO_ROLE[email] ?? 'lp'}`)}
                </Typography.Text>
              </List.Item>
            )}
          />
        ) : null}
      </Card>
    </div>
  );
}
