import { ChangePasswordSchema } from '@highland/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/ui/language-switch.js';
import { Page } from '../../components/ui/page.js';
import { errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import { applyServerErrors, zodRule } from '../../lib/validation.js';
import { useSession } from '../../lib/session.js';

export function AccountPage() {
  const { t } = useTranslation(['account', 'common']);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        void message.success(t('changed'));
        void queryClient.invalidateQueries(trpc.auth.me.pathFilter());
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, t, ['currentPassword', 'newPassword'])) void message.error(errorMessage(e, t));
      },
    }),
  );
  const actor = session.data;
  return (
    <Page title={t('title')}>
      {actor?.mustChangePassword ? <Alert type="warning" showIcon title={t('mustChange')} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('profile')}>
            {actor ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('fields:name')}>{actor.name}</Descriptions.Item>
                <Descriptions.Item label={t('fields:email')}>{actor.email}</Descriptions.Item>
                <Descriptions.Item label={t('fields:role')}>{t(`common:roles.${actor.role}`)}</Descriptions.Item>
                <Descriptions.Item label={t('language')}>
                  <LanguageSwitch />
                </Descriptions.Item>
              </Descriptions>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('changePassword')}>
            <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} data-testid="change-password-form">
              <Form.Item name="currentPassword" label={t('currentPassword')} rules={[zodRule(ChangePasswordSchema.shape.currentPassword, t)]}>
                <Input.Password autoComplete="current-password" data-testid="current-password" />
              </Form.Item>
              <Form.Item name="newPassword" label={t('newPassword')} extra={t('newPasswordHint')} rules={[zodRule(ChangePasswordSchema.shape.newPassword, t)]}>
                <Input.Password autoComplete="new-password" data-testid="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
                {t('changePassword')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
