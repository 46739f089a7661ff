import { useMutation } from '@tanstack/react-query';
import { CreateProgrammeRequest, CreateBudgetLineRequest, type ProgrammeView } from '@xiaoshi/contracts';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { budgetsApi } from '../../api/pipeline';
import { reportFormError } from '../../lib/form-errors';
import { parseYuan } from '../../lib/money';
import { useBudgetsRefresh } from './useBudgets';
import { budgetsText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules, yuanOptions } from '../../lib/zod-form';

interface ProgrammeValues {
  year: number;
  name: string;
  policyRefs: string[];
  description?: string;
}

export function ProgrammeModal({
  open,
  defaultYear,
  onClose,
  onCreated,
}: {
  open: boolean;
  defaultYear: number;
  onClose: () => void;
  onCreated: (year: number) => void;
}) {
  const t = budgetsText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgrammeValues>();
  const rules = useZodRules(CreateProgrammeRequest);
  const refresh = useBudgetsRefresh();
  const create = useMutation({ mutationFn: budgetsApi.createProgramme });

  useEffect(() => {
    if (open) form.setFieldsValue({ year: defaultYear, name: '', policyRefs: [], description: '' });
  }, [open, defaultYear, form]);

  const submit = async (values: ProgrammeValues) => {
    try {
      const saved = await create.mutateAsync({
        year: values.year,
        name: values.name.trim(),
        policyRefs: values.policyRefs.map((ref) => ref.trim()).filter(Boolean),
        description: values.description?.trim() || undefined,
      });
      message.success(t('programmeCreated', { name: saved.name }));
      await refresh();
      onCreated(saved.year);
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Modal
      open={open}
      title={t('createProgramme')}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<ProgrammeValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="year" label={t('field.year')} rules={rules('year', { required: t('yearRequired') })}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('field.programmeName')}
          rules={rules('name', { required: t('nameRequired') })}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="policyRefs"
          label={t('field.policyRefs')}
          rules={rules('policyRefs')}
          extra={t('policyRefsHelp')}
        >
          <Select
            mode="tags"
            open={false}
            tokenSeparators={['\n']}
            placeholder={t('policyRefsPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')} rules={rules('description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface LineValues {
  name: string;
  amount: string;
  description?: string;
}

export function LineModal({ programme, onClose }: { programme: ProgrammeView | null; onClose: () => void }) {
  const t = budgetsText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<LineValues>();
  const rules = useZodRules(CreateBudgetLineRequest);
  const refresh = useBudgetsRefresh();
  const create = useMutation({
    mutationFn: ({ id, values }: { id: number; values: LineValues }) =>
      budgetsApi.createLine(id, {
        name: values.name.trim(),
        amountFen: parseYuan(values.amount) ?? 0,
        description: values.description?.trim() || undefined,
      }),
  });

  useEffect(() => {
    if (programme) form.resetFields();
  }, [programme, form]);

  const submit = async (values: LineValues) => {
    if (!programme) return;
    try {
      const saved = await create.mutateAsync({ id: programme.id, values });
      message.success(t('lineCreated', { name: saved.name }));
      await refresh();
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Modal
      open={!!programme}
      title={t('addLineTo', { name: programme?.name ?? '' })}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<LineValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="name"
          label={t('field.lineName')}
          rules={rules('name', { required: t('nameRequired') })}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="amount" label={t('field.amount')} rules={rules('amountFen', yuanOptions())}>
          <Input suffix="元" inputMode="decimal" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')} rules={rules('description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
