import { useMutation } from '@tanstack/react-query';
import { UpdateOrgUnitRequest, type OrgUnitView } from '@xiaoshi/contracts';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { orgsApi } from '../../api/endpoints';
import { hasCode } from '../../api/errors';
import { reportFormError } from '../../lib/form-errors';
import { orgsText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

interface Values {
  name: string;
  contactName?: string;
  contactPhone?: string;
  active: boolean;
}

interface Props {
  unit: OrgUnitView | null;
  onClose: () => void;
  onSaved: (unit: OrgUnitView) => void;
  /** The record changed under us: reload it. */
  onConflict: (unitId: number) => void;
}

/** Sends only what changed, so a masked phone shown to the editor is never written back. */
function changes(unit: OrgUnitView, values: Values): UpdateOrgUnitRequest {
  const body: UpdateOrgUnitRequest = { version: unit.version };
  const name = values.name.trim();
  if (name !== unit.name) body.name = name;
  const contactName = values.contactName?.trim() || null;
  if (contactName !== unit.contactName) body.contactName = contactName;
  const contactPhone = values.contactPhone?.trim() || null;
  if (contactPhone !== unit.contactPhone) body.contactPhone = contactPhone;
  if (values.active !== unit.active) body.active = values.active;
  return body;
}

export function OrgEditModal({ unit, onClose, onSaved, onConflict }: Props) {
  const t = orgsText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(UpdateOrgUnitRequest);
  const mutation = useMutation({
    mutationFn: (body: UpdateOrgUnitRequest) => orgsApi.update(unit!.id, body),
  });

  useEffect(() => {
    if (unit) {
      form.resetFields();
      form.setFieldsValue({
        name: unit.name,
        contactName: unit.contactName ?? '',
        contactPhone: unit.contactPhone ?? '',
        active: unit.active,
      });
    }
  }, [unit, form]);

  const submit = async () => {
    if (!unit) return;
    const values = await form.validateFields();
    const body = changes(unit, values);
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    try {
      const saved = await mutation.mutateAsync(body);
      message.success(tc('saved'));
      onSaved(saved);
      onClose();
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) {
        message.warning(tc('error.conflict'));
        onConflict(unit.id);
        onClose();
      } else {
        reportFormError(form, error, message);
      }
    }
  };

  const masked = !!unit?.contactPhone?.includes('*');
  return (
    <Modal
      open={!!unit}
      title={unit ? `${t('edit')} · ${unit.name}` : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={tc('save')}
      cancelText={tc('cancel')}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Form<Values> name="orgEdit" form={form} layout="vertical" requiredMark="optional">
        <Form.Item
          name="name"
          label={t('field.name')}
          rules={rules('name', { required: t('nameRequired'), optional: false })}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactName" label={t('field.contactName')} rules={rules('contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('field.contactPhone')}
          extra={masked ? t('maskedPhone') : undefined}
          rules={rules('contactPhone', { accept: (value) => value === unit?.contactPhone })}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="active" label={t('activeSwitch')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
