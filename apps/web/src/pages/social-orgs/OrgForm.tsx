import { useQueryClient } from '@tanstack/react-query';
import {
  CreateSocialOrgRequest,
  SOCIAL_ORG_TYPES,
  type SocialOrgType,
  type SocialOrgView,
} from '@xiaoshi/contracts';
import { isValidCreditCode } from '@xiaoshi/domain';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { reportFormError } from '../../lib/form-errors';
import { beijingYear } from '../../lib/time';
import '../building-leaders/forms.css';
import { socialOrgsApi } from './api';
import { text } from './text';
import { useZodRules } from '../../lib/zod-form';

interface OrgValues {
  name: string;
  creditCode: string;
  orgType: SocialOrgType;
  registrationAuthority?: string;
  registeredOn?: string;
  qualifications: string[];
  serviceAreas: string[];
  contactName: string;
  contactPhone?: string;
  address?: string;
  introducedYear?: number;
  note?: string;
}

/** Register or edit an organisation; the GB 32100 check runs as one types (the API checks again). */
export function OrgFormModal({ org, onClose }: { org: SocialOrgView | 'new' | null; onClose: () => void }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgValues>();
  const rules = useZodRules(CreateSocialOrgRequest);
  const [saving, setSaving] = useState(false);
  const existing = org && org !== 'new' ? org : null;

  useEffect(() => {
    if (!org) return;
    if (existing)
      form.setFieldsValue({
        name: existing.name,
        creditCode: existing.creditCode,
        orgType: existing.orgType,
        registrationAuthority: existing.registrationAuthority ?? undefined,
        registeredOn: existing.registeredOn ?? undefined,
        qualifications: existing.qualifications,
        serviceAreas: existing.serviceAreas,
        contactName: existing.contactName,
        address: existing.address ?? undefined,
        introducedYear: existing.introducedYear ?? undefined,
        note: existing.note ?? undefined,
      });
    else form.resetFields();
  }, [org, existing, form]);

  const save = async (values: OrgValues) => {
    const body = {
      name: values.name,
      creditCode: values.creditCode.trim().toUpperCase(),
      orgType: values.orgType,
      registrationAuthority: values.registrationAuthority?.trim() || null,
      registeredOn: values.registeredOn || null,
      qualifications: values.qualifications ?? [],
      serviceAreas: values.serviceAreas ?? [],
      contactName: values.contactName,
      address: values.address?.trim() || null,
      introducedYear: values.introducedYear ?? null,
      note: values.note?.trim() || null,
    };
    setSaving(true);
    try {
      if (existing)
        await socialOrgsApi.update(existing.id, {
          ...body,
          ...(values.contactPhone ? { contactPhone: values.contactPhone } : {}),
          version: existing.version,
        });
      else await socialOrgsApi.create({ ...body, contactPhone: values.contactPhone ?? '' });
      void message.success(t('form.saved'));
      await queryClient.invalidateQueries({ queryKey: ['social-orgs'] });
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
      open={org !== null}
      title={existing ? `${t('org.edit')} · ${existing.name}` : t('org.add')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgType: 'social_work_agency',
          qualifications: [],
          serviceAreas: [],
          introducedYear: beijingYear(),
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="name" label={t('org.name')} rules={rules('name', required(t('org.name')))}>
          <Input maxLength={100} />
        </Form.Item>
        <div className="xs-form-row">
          <Form.Item
            name="creditCode"
            label={t('org.creditCode')}
            rules={[
              ...rules('creditCode', {
                ...required(t('org.creditCode')),
                message: t('form.invalid', { field: t('org.creditCode') }),
              }),
              {
                validator: async (_, value?: string) => {
                  if (value && value.trim().length === 18 && !isValidCreditCode(value))
                    throw new Error(t('org.creditCodeInvalid'));
                },
              },
            ]}
          >
            <Input
              maxLength={18}
              style={{ fontVariantNumeric: 'tabular-nums', textTransform: 'uppercase' }}
            />
          </Form.Item>
          <Form.Item name="orgType" label={t('org.type')}>
            <Select
              options={SOCIAL_ORG_TYPES.map((type) => ({ value: type, label: t(`org.type.${type}`) }))}
            />
          </Form.Item>
        </div>
        <div className="xs-form-row">
          <Form.Item
            name="registrationAuthority"
            label={t('org.authority')}
            rules={rules('registrationAuthority')}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="registeredOn" label={t('org.registeredOn')} rules={rules('registeredOn')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="introducedYear" label={t('org.introducedYear')} rules={rules('introducedYear')}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          name="qualifications"
          label={t('org.qualifications')}
          extra={t('org.tagsHelp')}
          rules={rules('qualifications')}
        >
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item
          name="serviceAreas"
          label={t('org.serviceAreas')}
          extra={t('org.tagsHelp')}
          rules={rules('serviceAreas')}
        >
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <div className="xs-form-row">
          <Form.Item
            name="contactName"
            label={t('org.contactName')}
            rules={rules('contactName', required(t('org.contactName')))}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('org.contactPhone')}
            rules={rules('contactPhone', { ...required(t('org.contactPhone')), optional: !!existing })}
          >
            <Input maxLength={13} placeholder={existing?.contactPhone} />
          </Form.Item>
        </div>
        <Form.Item name="address" label={t('org.address')} rules={rules('address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('org.note')} rules={rules('note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
