import { CompanyCreateSchema, OWNERSHIP_TYPES, SECTORS, ZONES } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { domainOf, errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import { applyServerErrors, zodRule } from '../../lib/validation.js';
import { FormModal, useLabels } from './use-pipeline.js';

export interface CompanyValues {
  id?: number;
  uscc: string | null;
  nameZh: string;
  nameEn: string | null;
  sector: string;
  zone: string;
  registeredInShanghai: boolean;
  founded: string | null;
  ownership: string;
  headcount: number | null;
  website: string | null;
}

type FormValues = Omit<CompanyValues, 'founded'> & { founded?: dayjs.Dayjs | null };
const FIELDS = ['uscc', 'nameZh', 'nameEn', 'sector', 'zone', 'registeredInShanghai', 'founded', 'ownership', 'headcount', 'website'];

/**
 * Creating or editing a company. Before saving a new one it looks for duplicates by credit code and
 * normalised name and offers the existing company; a same-name firm can still be created on purpose.
 */
export function CompanyFormModal(props: { open: boolean; initial?: CompanyValues | null; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [confirmDup, setConfirmDup] = useState(false);
  const editing = Boolean(props.initial?.id);
  const nameZh = Form.useWatch('nameZh', form);
  const uscc = Form.useWatch('uscc', form);
  const [probe, setProbe] = useState<{ nameZh?: string; uscc?: string }>({});
  useEffect(() => {
    const h = setTimeout(() => setProbe({ nameZh: nameZh?.trim() || undefined, uscc: uscc?.trim() || undefined }), 400);
    return () => clearTimeout(h);
  }, [nameZh, uscc]);
  const dups = useQuery({
    ...trpc.company.duplicates.queryOptions({ ...probe, ...(props.initial?.id ? { excludeId: props.initial.id } : {}) }),
    enabled: props.open && Boolean(probe.nameZh || (probe.uscc && probe.uscc.length >= 18)),
  });
  useEffect(() => {
    if (!props.open) return;
    setError(null);
    setConfirmDup(false);
    form.resetFields();
    const i = props.initial;
    form.setFieldsValue(
      i ? { ...i, founded: i.founded ? dayjs(i.founded) : null } : { registeredInShanghai: true, ownership: 'private', zone: 'pudong_zhangjiang' },
    );
  }, [props.open, props.initial, form]);
  const done = (id: number) => {
    void queryClient.invalidateQueries(trpc.company.pathFilter());
    void queryClient.invalidateQueries(trpc.deal.pathFilter());
    props.onSaved(id);
  };
  const onError = (e: unknown) => {
    if (domainOf(e)?.key === 'company.nameDuplicate') {
      setConfirmDup(true);
      return;
    }
    if (!applyServerErrors(form, e, t, FIELDS)) setError(errorMessage(e, t));
  };
  const create = useMutation(trpc.company.create.mutationOptions({ onSuccess: (r) => done(r.id), onError }));
  const update = useMutation(trpc.company.update.mutationOptions({ onSuccess: (r) => done(r.id), onError }));
  const submit = (v: FormValues, allowNameDuplicate = false) => {
    const values = {
      uscc: v.uscc?.trim() ? v.uscc : null,
      nameZh: v.nameZh,
      nameEn: v.nameEn?.trim() ? v.nameEn : null,
      sector: v.sector as never,
      zone: v.zone as never,
      registeredInShanghai: v.registeredInShanghai,
      founded: v.founded ? v.founded.format('YYYY-MM-DD') : null,
      ownership: v.ownership as never,
      headcount: v.headcount ?? null,
      website: v.website?.trim() ? v.website : null,
    };
    if (props.initial?.id) update.mutate({ id: props.initial.id, ...values });
    else create.mutate({ ...values, allowNameDuplicate });
  };
  const shape = CompanyCreateSchema.shape;
  const others = (dups.data ?? []).filter((d) => d.id !== props.initial?.id);
  return (
    <FormModal
      open={props.open}
      width={720}
      title={editing ? t('editCompany') : t('newCompany')}
      onClose={props.onClose}
      onSubmit={() => form.submit()}
      ok="save"
      busy={create.isPending || update.isPending}
      okTestId="company-save"
    >
      <Form form={form} layout="vertical" data-testid="company-form" onFinish={(v) => submit(v)} onValuesChange={() => setError(null)}>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="nameZh" label={t('companyNameZh')} rules={[zodRule(shape.nameZh, t)]}>
              <Input data-testid="company-nameZh" placeholder="上海某某智能科技有限公司" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="uscc" label={t('uscc')} rules={[zodRule(shape.uscc.unwrap().optional(), t)]} extra={t('usccHint')}>
              <Input data-testid="company-uscc" maxLength={24} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="nameEn" label={t('companyNameEn')}>
          <Input data-testid="company-nameEn" />
        </Form.Item>
        {others.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="company-duplicates"
            title={t('possibleDuplicates')}
            description={
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                {others.map((d) => (
                  <Space key={d.id} style={{ justifyContent: 'space-between', width: '100%' }}>
                    <span>
                      {d.nameZh} <Typography.Text type="secondary">{d.uscc ?? t('noUscc')}</Typography.Text> ·{' '}
                      {d.reason === 'uscc' ? t('sameUscc') : t('sameName')}
                    </span>
                    {!editing ? (
                      <Button size="small" onClick={() => props.onSaved(d.id)}>
                        {t('useExisting')}
                      </Button>
                    ) : null}
                  </Space>
                ))}
              </Space>
            }
          />
        ) : null}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="sector" label={t('sector')} rules={[zodRule(shape.sector, t)]}>
              <Select data-testid="company-sector" options={l.options(SECTORS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="zone" label={t('zone')} rules={[zodRule(shape.zone, t)]}>
              <Select data-testid="company-zone" options={l.options(ZONES)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownership" label={t('ownership')} rules={[zodRule(shape.ownership, t)]}>
              <Select options={l.options(OWNERSHIP_TYPES)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="registeredInShanghai" label={t('registeredInShanghai')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="founded" label={t('founded')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="headcount" label={t('headcount')}>
              <InputNumber<number> min={0} max={1_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="website" label={t('website')} rules={[zodRule(shape.website.unwrap().optional(), t)]}>
              <Input placeholder="www.example.com.cn" />
            </Form.Item>
          </Col>
        </Row>
        {confirmDup ? (
          <Alert
            type="warning"
            showIcon
            title={t('sameNameConfirm')}
            action={
              <Button size="small" danger onClick={() => submit(form.getFieldsValue(true) as FormValues, true)} data-testid="company-create-anyway">
                {t('createAnyway')}
              </Button>
            }
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} data-testid="company-error" /> : null}
      </Form>
    </FormModal>
  );
}
