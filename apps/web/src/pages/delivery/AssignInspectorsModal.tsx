import { useMutation, useQuery } from '@tanstack/react-query';
import { AssignInspectorsRequest, InspectorConflictRequest, type ProjectView } from '@xiaoshi/contracts';
import { App, Button, Divider, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { deliveryApi } from '../../api/delivery';
import { usersApi } from '../../api/endpoints';
import { errorMessage } from '../../lib/errors';
import { kindLabel, showFormError, useDeliveryRefresh } from './shared';
import { deliveryText } from './i18n';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

interface Values {
  inspectorUserIds: number[];
  kind: 'acceptance' | 'supervision';
}

interface ConflictValues {
  userId?: number;
  reason: string;
}

/** 指派验收人员 (district): inspectors of the round; conflicts are refused by the API with reasons. */
export function AssignInspectorsModal({
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
  const [conflictForm] = Form.useForm<ConflictValues>();
  const rules = useZodRules(AssignInspectorsRequest);
  const conflictRules = useZodRules(InspectorConflictRequest);
  const inspectors = useQuery({
    queryKey: ['users', 'inspectors'],
    queryFn: ({ signal }) => usersApi.list({ role: 'inspector', limit: 200 }, signal),
    enabled: open,
  });
  const options = (inspectors.data?.items ?? [])
    .filter((user) => user.active)
    .map((user) => ({ value: user.id, label: `${user.displayName}（${user.unit.name}）` }));

  const assign = useMutation({
    mutationFn: (values: Values) =>
      deliveryApi.assignInspectors(project.id, {
        inspectorUserIds: values.inspectorUserIds,
        kind: values.kind,
      }),
    onSuccess: async () => {
      void message.success(d('assign.done'));
      await refresh();
      onClose();
    },
    onError: (error) =>
      showFormError(
        form,
        error,
        { inspectorUserIds: 'inspectorUserIds' },
        (text) => void message.error(text),
      ),
  });
  const conflict = useMutation({
    mutationFn: (values: ConflictValues) =>
      deliveryApi.declareConflict(project.id, values.userId!, values.reason.trim()),
    onSuccess: () => {
      void message.success(d('assign.conflictSaved'));
      conflictForm.resetFields();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  return (
    <Modal
      open={open}
      title={`${d('assign.title')}：${project.title}`}
      okText={d('assign.submit')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={assign.isPending}
      okButtonProps={{ id: 'assign-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: project.finalInspectionKind, inspectorUserIds: [] }}
        onFinish={(values) => assign.mutate(values)}
      >
        <Form.Item name="kind" label={d('assign.kind')}>
          <Select
            aria-label={d('assign.kind')}
            options={(['acceptance', 'supervision'] as const).map((kind) => ({
              value: kind,
              label: kindLabel(d, kind),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="inspectorUserIds"
          label={d('assign.inspectors')}
          extra={d('assign.inspectorsHelp')}
          rules={rules('inspectorUserIds')}
        >
          <Select
            mode="multiple"
            loading={inspectors.isPending}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={d('assign.inspectors')}
          />
        </Form.Item>
      </Form>
      <Divider plain titlePlacement="start" style={{ fontSize: 13 }}>
        {d('assign.conflict')}
      </Divider>
      <Form<ConflictValues>
        form={conflictForm}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => conflict.mutate(v)}
      >
        <Flex gap={8} wrap align="flex-start">
          <Form.Item
            name="userId"
            rules={conflictRules('userId')}
            style={{ flex: '1 1 180px', marginBottom: 8 }}
          >
            <Select
              placeholder={d('assign.conflictUser')}
              options={options}
              aria-label={d('assign.conflictUser')}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            rules={conflictRules('reason')}
            style={{ flex: '2 1 220px', marginBottom: 8 }}
          >
            <Input placeholder={d('assign.conflictReason')} aria-label={d('assign.conflictReason')} />
          </Form.Item>
          <Button htmlType="submit" loading={conflict.isPending}>
            {t('save')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d('assign.inspectorsHelp')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
