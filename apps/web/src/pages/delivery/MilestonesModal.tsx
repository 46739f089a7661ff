import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ReplaceMilestonesRequest, type ProjectView } from '@xiaoshi/contracts';
import { App, Button, Checkbox, Flex, Form, Input, Modal } from 'antd';
import { deliveryApi } from '../../api/delivery';
import { errorMessage } from '../../lib/errors';
import { useDeliveryRefresh } from './shared';
import { deliveryText } from './i18n';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

interface Values {
  milestones: Array<{ title: string; dueDate: string; done: boolean }>;
}

/** The project's milestones, replaced as a whole (PUT /projects/:id/milestones). */
export function MilestonesModal({
  project,
  open,
  onClose,
}: {
  project: ProjectView;
  open: boolean;
  onClose: () => void;
}) {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const refresh = useDeliveryRefresh();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(ReplaceMilestonesRequest);
  const save = useMutation({
    mutationFn: (values: Values) =>
      deliveryApi.setMilestones(project.id, {
        milestones: (values.milestones ?? []).map((m) => ({
          title: m.title.trim(),
          dueDate: m.dueDate,
          done: !!m.done,
        })),
      }),
    onSuccess: async () => {
      void message.success(d('milestones.saved'));
      await refresh();
      onClose();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  return (
    <Modal
      open={open}
      title={d('milestones.edit')}
      okText={t('save')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        requiredMark={false}
        initialValues={{
          milestones: project.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.done })),
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={rules('milestones[].title')}
                    style={{ flex: '2 1 220px', marginBottom: 8 }}
                  >
                    <Input placeholder={d('milestones.name')} aria-label={d('milestones.name')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'dueDate']}
                    rules={rules('milestones[].dueDate')}
                    style={{ flex: '1 1 150px', marginBottom: 8 }}
                  >
                    <Input type="date" aria-label={d('milestones.due')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'done']} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{d('milestones.done')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={d('reports.form.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', dueDate: '', done: false })}
                disabled={fields.length >= 50}
              >
                {d('milestones.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
