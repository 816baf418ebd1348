import { Alert, App, Button, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.js';
import { preventEnterSubmit } from './no-enter-form.js';
import { applyServerErrors } from '../../lib/validation.js';

/**
 * A modal with one form and one mutation. The browser checks the fields with the server's schemas; what
 * the server still refuses lands beside its field, or above the form when it names none. Enter in a field
 * never submits it: only the button does.
 */
export function FormModal<V extends object>(props: {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** The form's top-level field names (server errors on others show above the form). */
  names: readonly string[];
  submit: (values: V, form: FormInstance<V>) => Promise<unknown>;
  initialValues?: Partial<V>;
  testId: string;
  width?: number;
  extra?: ReactNode;
  /** The submit button's label and whether it is a destructive-looking action (default: Save). */
  okText?: string;
  danger?: boolean;
  /** The success toast (default: Saved). */
  doneText?: string;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    props.onClose();
  };
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={close}
      width={props.width ?? 560}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('common:cancel')}
        </Button>,
        <Button key="ok" type="primary" danger={props.danger} loading={busy} onClick={() => form.submit()} data-testid={`${props.testId}-submit`}>
          {props.okText ?? t('common:save')}
        </Button>,
      ]}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={`${props.testId}-error`} /> : null}
      {props.extra}
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        data-testid={props.testId}
        onKeyDown={preventEnterSubmit}
        onFinish={async (values: V) => {
          setBusy(true);
          setError(null);
          try {
            await props.submit(values, form);
            void message.success(props.doneText ?? t('common:saved'));
            close();
          } catch (e) {
            if (!applyServerErrors(form, e, t, props.names)) setError(errorMessage(e, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}
