import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ReplaceTripParticipantsRequest, type TripParticipantInput, type TripView } from '@xiaoshi/contracts';
import { App, Button, Flex, Form, Input, Modal, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useScopedUnits } from '../../../components/UnitTreeSelect';
import { reportFormError } from '../../../lib/form-errors';
import { useZodRules } from '../../../lib/zod-form';
import { tripsApi } from '../api';
import { text } from '../text';

export function ParticipantsModal({
  open,
  trip,
  onClose,
}: {
  open: boolean;
  trip: TripView;
  onClose: () => void;
}) {
  const t = text.useT();
  const rules = useZodRules(ReplaceTripParticipantsRequest);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useScopedUnits();
  const [form] = Form.useForm<{ participants: TripParticipantInput[] }>();
  const [saving, setSaving] = useState(false);
  const communities = useMemo(() => {
    const all = units.data ?? [];
    return all
      .filter((unit) => unit.kind === 'street')
      .map((street) => ({
        label: street.name,
        options: all
          .filter((unit) => unit.kind === 'community' && unit.parentId === street.id)
          .map((unit) => ({ value: unit.id, label: unit.name })),
      }));
  }, [units.data]);

  const save = async (values: { participants?: TripParticipantInput[] }) => {
    setSaving(true);
    try {
      await tripsApi.participants(trip.id, values.participants ?? [], trip.version);
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
      title={t('detail.editParticipants')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <Form
        form={form}
        initialValues={{
          participants: trip.participantList.map((p) => ({
            communityId: p.community.id,
            name: p.name,
            post: p.post,
          })),
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'communityId']}
                    rules={rules('participants[].communityId', {
                      required: t('form.required', { field: t('detail.community') }),
                    })}
                  >
                    <Select
                      placeholder={t('detail.community')}
                      options={communities}
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 170 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={rules('participants[].name', {
                      required: t('form.required', { field: t('detail.name') }),
                    })}
                  >
                    <Input placeholder={t('detail.name')} maxLength={50} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'post']}
                    rules={rules('participants[].post', {
                      required: t('form.required', { field: t('detail.post') }),
                    })}
                  >
                    <Input placeholder={t('detail.post')} maxLength={50} style={{ width: 190 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('detail.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('detail.addParticipant')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
