import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateTrainingNormVersionRequest, type TrainingNormVersionView } from '@xiaoshi/contracts';
import { fenToYuanString, yuanToFen } from '@xiaoshi/domain';
import { App, Button, Card, Flex, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { reportFormError } from '../../lib/form-errors';
import { useZodRules, yuanOptions } from '../../lib/zod-form';
import '../building-leaders/forms.css';
import { tripsApi } from './api';
import { text } from './text';

interface NormValues {
  documentNumber: string;
  title?: string;
  effectiveFrom: string;
  items: Array<{ category: string; label: string; rate: string }>;
}

/** 培训费综合定额标准: versions of the district's table, each editable (the demo's figures are placeholders). */
export function NormsTab() {
  const t = text.useT();
  const { can } = useAuth();
  const [editing, setEditing] = useState<TrainingNormVersionView | 'new' | null>(null);
  const norms = useQuery({ queryKey: ['trips', 'norms'], queryFn: ({ signal }) => tripsApi.norms(signal) });
  if (norms.isError) return <QueryError error={norms.error} onRetry={() => void norms.refetch()} compact />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('norms.help')}</Typography.Text>
        {can('trips.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('norms.add')}
          </Button>
        )}
      </Flex>
      {(norms.data ?? []).map((version) => (
        <Card
          key={version.id}
          size="small"
          loading={norms.isPending}
          title={
            <Flex gap={8} align="center" wrap>
              <span>{version.documentNumber}</span>
              <Tag color="blue">{t('norms.effective', { date: version.effectiveFrom })}</Tag>
              {version.isDemo && <Tag color="orange">{t('demo')}</Tag>}
            </Flex>
          }
          extra={
            can('trips.manage') && (
              <Button size="small" onClick={() => setEditing(version)}>
                {t('norms.edit')}
              </Button>
            )
          }
        >
          {version.title && <Typography.Paragraph type="secondary">{version.title}</Typography.Paragraph>}
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={version.items}
            columns={[
              { title: t('norms.label'), dataIndex: 'label' },
              {
                title: t('norms.rate'),
                dataIndex: 'perPersonPerDayFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('norms.used', { count: version.usedByTrips })}
          </Typography.Text>
        </Card>
      ))}
      <NormModal version={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}

function NormModal({
  version,
  onClose,
}: {
  version: TrainingNormVersionView | 'new' | null;
  onClose: () => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NormValues>();
  const rules = useZodRules(CreateTrainingNormVersionRequest);
  const [saving, setSaving] = useState(false);
  const existing = version && version !== 'new' ? version : null;

  const save = async (values: NormValues) => {
    const items = values.items.map((item) => ({
      category: item.category.trim(),
      label: item.label.trim(),
      perPersonPerDayFen: yuanToFen(item.rate) ?? Number.NaN,
    }));
    const body = {
      documentNumber: values.documentNumber,
      title: values.title?.trim() || null,
      effectiveFrom: values.effectiveFrom,
      items,
    };
    setSaving(true);
    try {
      if (existing) await tripsApi.updateNorm(existing.id, { ...body, version: existing.version });
      else await tripsApi.createNorm(body);
      void message.success(t('norms.saved'));
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: t('form.required', { field }) });
  return (
    <Modal
      open={version !== null}
      title={existing ? `${t('norms.edit')} · ${existing.documentNumber}` : t('norms.add')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          existing
            ? {
                documentNumber: existing.documentNumber,
                title: existing.title ?? undefined,
                effectiveFrom: existing.effectiveFrom,
                items: existing.items.map((item) => ({
                  category: item.category,
                  label: item.label,
                  rate: fenToYuanString(item.perPersonPerDayFen),
                })),
              }
            : { items: [{ category: 'class_1' }, { category: 'class_2' }, { category: 'class_3' }] }
        }
        onFinish={(values) => void save(values)}
      >
        <div className="xs-form-row">
          <Form.Item
            name="documentNumber"
            label={t('norms.documentNumber')}
            rules={rules('documentNumber', required(t('norms.documentNumber')))}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('norms.effectiveFrom')}
            rules={rules('effectiveFrom', required(t('norms.effectiveFrom')))}
          >
            <Input type="date" />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('norms.docTitle')} rules={rules('title')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'category']}
                    rules={rules('items[].category', required(t('norms.category')))}
                  >
                    <Input
                      aria-label={t('norms.category')}
                      placeholder={t('norms.category')}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={rules('items[].label', required(t('norms.label')))}
                  >
                    <Input
                      aria-label={t('norms.label')}
                      placeholder={t('norms.label')}
                      style={{ width: 170 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'rate']}
                    rules={rules('items[].perPersonPerDayFen', yuanOptions(required(t('norms.rate'))))}
                  >
                    <Input
                      aria-label={t('norms.rate')}
                      placeholder={t('norms.rate')}
                      inputMode="decimal"
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('detail.remove')}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('norms.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
