import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { RecordTripCostsRequest, TRIP_COST_KINDS, type TripView } from '@xiaoshi/contracts';
import { yuanToFen } from '@xiaoshi/domain';
import { App, Button, Flex, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { reportFormError } from '../../../lib/form-errors';
import { useZodRules, yuanOptions } from '../../../lib/zod-form';
import { tripsApi } from '../api';
import { text } from '../text';

export interface CostValues {
  items: Array<{ kind: (typeof TRIP_COST_KINDS)[number]; amount: string; note?: string }>;
}

export function CostsModal({ open, trip, onClose }: { open: boolean; trip: TripView; onClose: () => void }) {
  const t = text.useT();
  const rules = useZodRules(RecordTripCostsRequest);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CostValues>();
  const [saving, setSaving] = useState(false);
  const save = async (values: CostValues) => {
    setSaving(true);
    try {
      await tripsApi.costs(trip.id, {
        version: trip.version,
        items: values.items.map((item) => ({
          kind: item.kind,
          amountFen: yuanToFen(item.amount) ?? Number.NaN,
          note: item.note?.trim() || null,
        })),
      });
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('detail.recordCosts')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Typography.Paragraph type="secondary">{t('detail.costHelp')}</Typography.Paragraph>
      <Form
        form={form}
        initialValues={{ items: [{ kind: 'accommodation' }, { kind: 'meals' }, { kind: 'travel' }] }}
        onFinish={(values) => void save(values)}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'kind']} rules={rules('items[].kind')}>
                    <Select
                      aria-label={t('detail.costItem')}
                      style={{ width: 150 }}
                      options={TRIP_COST_KINDS.map((kind) => ({
                        value: kind,
                        label: t(`detail.costKind.${kind}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    rules={rules(
                      'items[].amountFen',
                      yuanOptions({ required: t('form.required', { field: t('detail.amount') }) }),
                    )}
                  >
                    <Input
                      aria-label={t('detail.amount')}
                      placeholder={t('detail.amount')}
                      inputMode="decimal"
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} rules={rules('items[].note')}>
                    <Input placeholder={t('detail.note')} maxLength={200} style={{ width: 170 }} />
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
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'other' })}>
                {t('detail.addCost')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
