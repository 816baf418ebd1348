import type { DealFilter, DealSort } from '@highland/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.js';
import { useTRPC } from '../../../lib/trpc.js';
import { FormModal } from '../use-pipeline.js';

export function SaveViewModal(props: {
  open: boolean;
  filter: DealFilter;
  sort: DealSort;
  existing: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t } = useTranslation('pipeline');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.pipeline.saveView.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.pipeline.views.pathFilter());
        props.onSaved(r.id);
        props.onClose();
      },
      onError: (e) => setError(errorMessage(e, t)),
    }),
  );
  useEffect(() => {
    if (props.open) {
      setError(null);
      form.setFieldsValue({ name: props.existing?.name ?? '' });
    }
  }, [props.open, props.existing, form]);
  return (
    <FormModal open={props.open} title={t('saveView')} onClose={props.onClose} onSubmit={() => form.submit()} ok="save" busy={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({
            ...(props.existing && props.existing.name === v.name ? { id: props.existing.id } : {}),
            name: v.name,
            filter: props.filter,
            sort: props.sort,
          })
        }
      >
        <Form.Item name="name" label={t('viewName')} rules={[{ required: true, whitespace: true, message: t('validation:required') }]}>
          <Input maxLength={60} data-testid="view-name" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </FormModal>
  );
}
