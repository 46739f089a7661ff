import { useMutation } from '@tanstack/react-query';
import {
  CreateOrgUnitRequest,
  ORGANISATION_TYPES,
  type OrganisationType,
  type OrgUnitKind,
  type OrgUnitView,
} from '@xiaoshi/contracts';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { orgsApi } from '../../api/endpoints';
import { organisationTypeText, unitKindText } from '../../i18n/enums';
import { reportFormError } from '../../lib/form-errors';
import { orgsText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

export interface CreateTarget {
  parent: OrgUnitView;
  kind: OrgUnitKind;
}

interface Values {
  name: string;
  code?: string;
  organisationType?: OrganisationType;
  creditCode?: string;
  contactName?: string;
  contactPhone?: string;
}

interface Props {
  target: CreateTarget | null;
  onClose: () => void;
  onCreated: (unit: OrgUnitView) => void;
}

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function OrgCreateModal({ target, onClose, onCreated }: Props) {
  const t = orgsText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(CreateOrgUnitRequest);
  const mutation = useMutation({ mutationFn: (body: CreateOrgUnitRequest) => orgsApi.create(body) });
  const isOrganisation = target?.kind === 'organisation';

  useEffect(() => {
    if (target) {
      form.resetFields();
      if (target.kind === 'organisation') form.setFieldValue('organisationType', 'social_organisation');
    }
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    const values = await form.validateFields();
    const body: CreateOrgUnitRequest = {
      kind: target.kind,
      parentId: target.parent.id,
      name: values.name.trim(),
      code: optional(values.code),
      contactName: optional(values.contactName),
      contactPhone: optional(values.contactPhone),
      ...(target.kind === 'organisation'
        ? {
            organisationType: values.organisationType,
            creditCode: optional(values.creditCode)?.toUpperCase(),
          }
        : {}),
    };
    try {
      const unit = await mutation.mutateAsync(body);
      message.success(t('created', { name: unit.name }));
      onCreated(unit);
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  const kindText = target ? unitKindText.label(target.kind) : '';
  return (
    <Modal
      open={!!target}
      title={t('create.title', { kind: kindText })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      confirmLoading={mutation.isPending}
      forceRender
    >
      {target && (
        <Typography.Paragraph type="secondary">
          {t('create.parent', { name: target.parent.name })}
        </Typography.Paragraph>
      )}
      <Form<Values> name="orgCreate" form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="name" label={t('field.name')} rules={rules('name', { required: t('nameRequired') })}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('field.code')}
          extra={t('codeHelp')}
          rules={rules('code', { message: t('codeInvalid') })}
        >
          <Input maxLength={32} />
        </Form.Item>
        {isOrganisation && (
          <>
            <Form.Item
              name="organisationType"
              label={t('field.organisationType')}
              rules={rules('organisationType')}
            >
              <Select
                options={ORGANISATION_TYPES.map((type) => ({
                  value: type,
                  label: organisationTypeText.label(type),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={t('field.creditCode')}
              extra={t('creditCodeHelp')}
              rules={rules('creditCode', { message: t('creditCodeLength') })}
            >
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="contactName" label={t('field.contactName')} rules={rules('contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('field.contactPhone')} rules={rules('contactPhone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
