import { useMutation } from '@tanstack/react-query';
import {
  ORGANISATION_TYPES,
  type CreateOrgUnitRequest,
  type OrganisationType,
  type OrgUnitKind,
  type OrgUnitView,
} from '@xiaoshi/contracts';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { orgsApi } from '../../api/endpoints';
import { useI18n } from '../../i18n/I18nProvider';
import { kindLabel, organisationTypeLabel } from '../../i18n/labels';
import { reportFormError } from '../../lib/errors';
import { PHONE_PATTERN, UNIT_CODE_PATTERN } from '../../lib/validation';

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

const FIELDS = ['name', 'code', 'organisationType', 'creditCode', 'contactName', 'contactPhone'];

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function OrgCreateModal({ target, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
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
      message.success(t('orgs.created', { name: unit.name }));
      onCreated(unit);
      onClose();
    } catch (error) {
      reportFormError(form, error, FIELDS, message, t);
    }
  };

  const kindText = target ? kindLabel(target.kind, t) : '';
  return (
    <Modal
      open={!!target}
      title={t('orgs.create.title', { kind: kindText })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      forceRender
    >
      {target && (
        <Typography.Paragraph type="secondary">
          {t('orgs.create.parent', { name: target.parent.name })}
        </Typography.Paragraph>
      )}
      <Form<Values> name="orgCreate" form={form} layout="vertical" requiredMark="optional">
        <Form.Item
          name="name"
          label={t('orgs.field.name')}
          rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('orgs.field.code')}
          extra={t('orgs.codeHelp')}
          rules={[{ pattern: UNIT_CODE_PATTERN, message: t('orgs.codeInvalid') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        {isOrganisation && (
          <>
            <Form.Item name="organisationType" label={t('orgs.field.organisationType')}>
              <Select
                options={ORGANISATION_TYPES.map((type) => ({
                  value: type,
                  label: organisationTypeLabel(type, t),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={t('orgs.field.creditCode')}
              extra={t('orgs.creditCodeHelp')}
              rules={[{ len: 18, message: t('orgs.creditCodeLength') }]}
            >
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="contactName" label={t('orgs.field.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('orgs.field.contactPhone')}
          rules={[{ pattern: PHONE_PATTERN, message: t('orgs.phoneInvalid') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
