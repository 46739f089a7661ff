import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateAgreementRequest,
  AGREEMENT_TRANCHE_CONDITION_NAMES,
  type AgreementTrancheConditionName,
} from '@xiaoshi/contracts';
import { yuanToFen } from '@xiaoshi/domain';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { reportFormError } from '../../lib/form-errors';
import { beijingYear } from '../../lib/time';
import '../building-leaders/forms.css';
import { useBudgetLineOptions } from '../trips/TripForm';
import { socialOrgsApi } from './api';
import { text } from './text';
import { useZodRules, yuanOptions } from '../../lib/zod-form';

interface AgreementValues {
  socialOrgId: number;
  title: string;
  year: number;
  budgetLineId: number;
  amount: string;
  signedOn: string;
  startDate: string;
  endDate: string;
  serviceCommunityIds: number[];
  deliverables: Array<{ title: string; target?: string }>;
  tranches: Array<{ label: string; amount: string; condition: AgreementTrancheConditionName }>;
  passMark: number;
}

/** A new service agreement: deliverables, communities served and a payment plan ending with the 尾款. */
export function AgreementFormModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AgreementValues>();
  const rules = useZodRules(CreateAgreementRequest);
  const [saving, setSaving] = useState(false);
  const lines = useBudgetLineOptions();
  const units = useScopedUnits();
  const orgs = useQuery({
    queryKey: ['social-orgs', 'list'],
    queryFn: ({ signal }) => socialOrgsApi.list(signal),
    enabled: open,
  });
  const communities = useMemo(
    () =>
      (units.data ?? [])
        .filter((unit) => unit.kind === 'community')
        .map((unit) => ({ value: unit.id, label: unit.name })),
    [units.data],
  );

  const save = async (values: AgreementValues) => {
    const fen = (value: string) => yuanToFen(value) ?? Number.NaN;
    setSaving(true);
    try {
      const saved = await socialOrgsApi.createAgreement({
        socialOrgId: values.socialOrgId,
        title: values.title,
        year: values.year,
        budgetLineId: values.budgetLineId,
        amountFen: fen(values.amount),
        signedOn: values.signedOn,
        startDate: values.startDate,
        endDate: values.endDate,
        serviceCommunityIds: values.serviceCommunityIds ?? [],
        deliverables: values.deliverables.map((item) => ({
          title: item.title,
          target: item.target?.trim() || null,
        })),
        tranches: values.tranches.map((tranche) => ({
          label: tranche.label,
          amountFen: fen(tranche.amount),
          condition: tranche.condition,
          settledOutside: false,
        })),
        passMark: values.passMark,
      });
      void message.success(t('form.saved'));
      await queryClient.invalidateQueries({ queryKey: ['social-orgs'] });
      onClose();
      onSaved(saved.id);
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: t('form.required', { field }) });
  return (
    <Modal
      open={open}
      title={t('agr.add')}
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
        layout="vertical"
        initialValues={{
          year: beijingYear(),
          passMark: 60,
          deliverables: [{}],
          tranches: [
            { label: t('agr.defaultFirst'), condition: 'on_signing' },
            { label: t('agr.defaultFinal'), condition: 'after_evaluation' },
          ],
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="socialOrgId"
          label={t('agr.org')}
          rules={rules('socialOrgId', required(t('agr.org')))}
        >
          <Select
            options={(orgs.data ?? []).map((org) => ({ value: org.id, label: org.name }))}
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="title" label={t('agr.title')} rules={rules('title', required(t('agr.title')))}>
          <Input maxLength={100} />
        </Form.Item>
        <div className="xs-form-row">
          <Form.Item name="year" label={t('agr.year')} rules={rules('year', required(t('agr.year')))}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('agr.amount')}
            rules={rules('amountFen', yuanOptions(required(t('agr.amount'))))}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="passMark" label={t('agr.passMark')} rules={rules('passMark')}>
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item
          name="budgetLineId"
          label={t('agr.line')}
          rules={rules('budgetLineId', required(t('agr.line')))}
        >
          <Select options={lines} showSearch optionFilterProp="label" />
        </Form.Item>
        <div className="xs-form-row">
          <Form.Item
            name="signedOn"
            label={t('agr.signedOn')}
            rules={rules('signedOn', required(t('agr.signedOn')))}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="startDate"
            label={t('agr.start')}
            rules={rules('startDate', required(t('agr.start')))}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endDate" label={t('agr.end')} rules={rules('endDate', required(t('agr.end')))}>
            <Input type="date" />
          </Form.Item>
        </div>
        <Form.Item
          name="serviceCommunityIds"
          label={t('agr.communities')}
          rules={rules('serviceCommunityIds')}
        >
          <Select mode="multiple" options={communities} optionFilterProp="label" />
        </Form.Item>
        <Typography.Text strong>{t('agr.deliverables')}</Typography.Text>
        <Form.List name="deliverables">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={rules('deliverables[].title', required(t('agr.deliverable')))}
                  >
                    <Input placeholder={t('agr.deliverable')} maxLength={200} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'target']} rules={rules('deliverables[].target')}>
                    <Input placeholder={t('agr.target')} maxLength={100} style={{ width: 160 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('agr.remove')}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('agr.addDeliverable')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Typography.Text strong>{t('agr.tranches')}</Typography.Text>
        <Form.List name="tranches">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={rules('tranches[].label', required(t('agr.trancheLabel')))}
                  >
                    <Input placeholder={t('agr.trancheLabel')} maxLength={50} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    rules={rules('tranches[].amountFen', yuanOptions(required(t('agr.trancheAmount'))))}
                  >
                    <Input placeholder={t('agr.trancheAmount')} inputMode="decimal" style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'condition']}>
                    <Select
                      aria-label={t('agr.trancheCondition')}
                      style={{ width: 220 }}
                      options={AGREEMENT_TRANCHE_CONDITION_NAMES.map((condition) => ({
                        value: condition,
                        label: t(`condition.${condition}`),
                      }))}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('agr.remove')}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ condition: 'on_midterm' })}>
                {t('agr.addTranche')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
