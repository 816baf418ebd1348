import { PlusOutlined } from '@ant-design/icons';
import { ROLE_CODES, type Role, UserCreateSchema } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { applyServerErrors, zodRule } from '../../lib/validation.js';

const roleColor: Record<Role, string> = { admin: 'purple', government: 'red', manager: 'blue', lp: 'green' };

export function UsersPage() {
  const { t } = useTranslation(['users', 'common']);
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const users = useQuery(trpc.user.list.queryOptions());
  const options = useQuery(trpc.user.formOptions.queryOptions());
  const [creating, setCreating] = useState(false);
  const invalidate = () => queryClient.invalidateQueries(trpc.user.pathFilter());
  const showOtp = (email: string, password: string) =>
    modal.success({
      title: t('otpTitle'),
      content: (
        <>
          <p>{t('otpBody', { email })}</p>
          <Typography.Paragraph copyable={{ text: password }} code style={{ fontSize: 18 }} data-testid="one-time-password">
            {password}
          </Typography.Paragraph>
        </>
      ),
    });
  const update = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: () => {
        void message.success(t('saved'));
        void invalidate();
      },
      onError: (e) => void message.error(errorMessage(e, t)),
    }),
  );
  const reset = useMutation(trpc.user.resetPassword.mutationOptions({ onError: (e) => void message.error(errorMessage(e, t)) }));
  const fundName = (id: number) => {
    const fund = options.data?.funds.find((x) => x.id === id);
    return fund ? `${fund.code} ${f.name(fund)}` : `#${id}`;
  };
  return (
    <Page
      title={t('title')}
      subtitle={t('sub')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
          {t('create')}
        </Button>
      }
    >
      <Card size="small">
        <QueryState query={users}>
          {(rows) => (
            <Table
              size="small"
              rowKey="id"
              data-testid="users-table"
              dataSource={rows}
              pagination={false}
              columns={[
                { title: t('email'), dataIndex: 'email' },
                { title: t('name'), dataIndex: 'name' },
                { title: t('role'), dataIndex: 'role', render: (r: Role) => <Tag color={roleColor[r]}>{t(`common:roles.${r}`)}</Tag> },
                {
                  title: t('scope'),
                  key: 'scope',
                  render: (_: unknown, r) =>
                    r.role === 'manager'
                      ? r.fundIds.map((id) => <div key={id}>{fundName(id)}</div>)
                      : r.role === 'lp'
                        ? r.investorName
                        : r.role === 'admin'
                          ? t('allDataAdmin')
                          : t('allData'),
                },
                {
                  title: t('status'),
                  key: 'status',
                  render: (_: unknown, r) => (
                    <Space size={4}>
                      {r.disabled ? <Tag>{t('disabled')}</Tag> : <Tag color="green">{t('active')}</Tag>}
                      {r.mustChangePassword ? <Tag color="gold">{t('mustChange')}</Tag> : null}
                    </Space>
                  ),
                },
                { title: t('createdAt'), dataIndex: 'createdAt', render: (v: string) => f.instant(v) },
                {
                  title: t('common:actions'),
                  key: 'actions',
                  render: (_: unknown, r) => (
                    <Space size={0}>
                      <Popconfirm title={r.disabled ? t('enable') : t('disableConfirm')} onConfirm={() => update.mutate({ id: r.id, disabled: !r.disabled })}>
                        <Button type="link" size="small" danger={!r.disabled}>
                          {r.disabled ? t('enable') : t('disable')}
                        </Button>
                      </Popconfirm>
                      <Popconfirm
                        title={t('resetConfirm')}
                        onConfirm={() =>
                          reset.mutate(
                            { id: r.id },
                            {
                              onSuccess: (res) => {
                                showOtp(r.email, res.oneTimePassword);
                                void invalidate();
                              },
                            },
                          )
                        }
                      >
                        <Button type="link" size="small">
                          {t('resetPassword')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(email, password) => {
          setCreating(false);
          void invalidate();
          showOtp(email, password);
        }}
        funds={(options.data?.funds ?? []).map((x) => ({ value: x.id, label: `${x.code} ${f.name(x)}` }))}
        investors={(options.data?.investors ?? []).map((x) => ({ value: x.id, label: f.name(x) }))}
      />
    </Page>
  );
}

type CreateForm = { email: string; name: string; role: Role; fundIds?: number[]; investorId?: number };

function CreateUserModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (email: string, password: string) => void;
  funds: Array<{ value: number; label: string }>;
  investors: Array<{ value: number; label: string }>;
}) {
  const { t } = useTranslation(['users', 'common']);
  const trpc = useTRPC();
  const [form] = Form.useForm<CreateForm>();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: (res, input) => {
        form.resetFields();
        props.onCreated(input.email, res.oneTimePassword);
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, t, ['email', 'name', 'role', 'fundIds', 'investorId'])) setError(errorMessage(e, t));
      },
    }),
  );
  const shape = UserCreateSchema.shape;
  return (
    <Modal
      open={props.open}
      title={t('create')}
      onCancel={props.onClose}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="user-form"
        initialValues={{ role: 'government' }}
        onValuesChange={() => setError(null)}
        onFinish={(v) =>
          create.mutate({
            email: v.email,
            name: v.name,
            role: v.role,
            fundIds: v.role === 'manager' ? (v.fundIds ?? []) : [],
            investorId: v.role === 'lp' ? (v.investorId ?? null) : null,
          })
        }
      >
        <Form.Item name="email" label={t('email')} rules={[zodRule(shape.email, t)]}>
          <Input data-testid="user-email" />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[zodRule(shape.name, t)]}>
          <Input data-testid="user-name" />
        </Form.Item>
        <Form.Item name="role" label={t('role')}>
          <Select options={ROLE_CODES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} />
        </Form.Item>
        {role === 'manager' ? (
          <Form.Item name="fundIds" label={t('funds')} rules={[{ required: true, message: t('validation:managerNeedsFund') }]}>
            <Select mode="multiple" options={props.funds} optionFilterProp="label" />
          </Form.Item>
        ) : null}
        {role === 'lp' ? (
          <Form.Item name="investorId" label={t('investor')} rules={[{ required: true, message: t('validation:lpNeedsInvestor') }]}>
            <Select showSearch options={props.investors} optionFilterProp="label" />
          </Form.Item>
        ) : null}
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      </Form>
    </Modal>
  );
}
