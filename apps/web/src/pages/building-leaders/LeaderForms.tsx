import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateBuildingLeaderRequest,
  RemoveStipendPersonRequest,
  type StipendPersonView,
  type StipendProgrammeView,
} from '@xiaoshi/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { stipendsApi } from '../../api/stipends';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { reportFormError } from '../../lib/form-errors';
import { yuan } from '../../lib/money';
import { beijingDate } from '../../lib/time';
import { nextDay } from './dates';
import './forms.css';
import { text } from './text';
import { useZodRules } from '../../lib/zod-form';

interface LeaderValues {
  communityId: number;
  buildings: string;
  buildingCount: number;
  units?: string;
  households: number;
  name: string;
  nationalId?: string;
  phone: string;
  bankName: string;
  bankAccount: string;
  startDate: string;
  endDate?: string;
}

/** Add or edit a building leader; the monthly rate under today's table is shown as one types. */
export function LeaderFormModal({
  programme,
  leader,
  onClose,
}: {
  programme: StipendProgrammeView;
  leader: StipendPersonView | 'new' | null;
  onClose: () => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useScopedUnits();
  const [form] = Form.useForm<LeaderValues>();
  const rules = useZodRules(CreateBuildingLeaderRequest);
  const [saving, setSaving] = useState(false);
  const creating = leader === 'new';
  const buildingCount = Form.useWatch('buildingCount', form);
  const households = Form.useWatch('households', form);

  const communities = useMemo(() => {
    const all = units.data ?? [];
    return all
      .filter((unit) => unit.kind === 'street')
      .map((street) => ({
        label: street.name,
        options: all
          .filter((unit) => unit.kind === 'community' && unit.parentId === street.id)
          .map((unit) => ({ value: unit.id, label: unit.name })),
      }))
      .filter((group) => group.options.length > 0);
  }, [units.data]);

  useEffect(() => {
    if (!leader) return;
    if (leader === 'new') form.resetFields();
    else
      form.setFieldsValue({
        communityId: leader.community.id,
        buildings: leader.building?.buildings,
        buildingCount: leader.building?.buildingCount,
        units: leader.building?.units ?? undefined,
        households: leader.building?.households,
        name: leader.name,
        bankName: leader.bankName,
        startDate: leader.eligibleFrom,
      });
  }, [leader, form]);

  const quote = useQuery({
    queryKey: ['stipends', 'leader-rate', programme.id, buildingCount, households],
    queryFn: ({ signal }) =>
      stipendsApi.leaderRate(programme.id, { date: beijingDate(), buildingCount, households }, signal),
    enabled:
      !!leader &&
      Number.isInteger(buildingCount) &&
      buildingCount > 0 &&
      Number.isInteger(households) &&
      households >= 0,
    retry: false,
  });

  const save = async (values: LeaderValues) => {
    if (!leader) return;
    setSaving(true);
    try {
      const common = {
        communityId: values.communityId,
        buildings: values.buildings,
        buildingCount: values.buildingCount,
        units: values.units?.trim() || null,
        households: values.households,
        name: values.name,
        bankName: values.bankName,
        startDate: values.startDate,
      };
      if (leader === 'new') {
        await stipendsApi.createLeader(programme.id, {
          ...common,
          nationalId: values.nationalId!,
          phone: values.phone,
          bankAccount: values.bankAccount,
          endDate: values.endDate || null,
        });
      } else {
        await stipendsApi.updateLeader(leader.id, {
          ...common,
          ...(values.phone ? { phone: values.phone } : {}),
          ...(values.bankAccount ? { bankAccount: values.bankAccount } : {}),
          version: leader.version,
        });
      }
      void message.success(t('form.saved'));
      await queryClient.invalidateQueries({ queryKey: ['stipends'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => ({ required: t('form.required', { field }) });
  const invalid = (field: string) => ({ ...required(field), message: t('form.invalid', { field }) });
  return (
    <Modal
      open={leader !== null}
      title={
        leader === 'new' || leader === null
          ? t('form.createTitle')
          : t('form.editTitle', { name: leader.name })
      }
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)} className="xs-leader-form">
        <Form.Item
          name="communityId"
          label={t('form.community')}
          rules={rules('communityId', required(t('form.community')))}
        >
          <Select options={communities} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="buildings"
          label={t('form.buildings')}
          extra={t('form.buildingsHelp')}
          rules={rules('buildings', required(t('form.buildings')))}
        >
          <Input maxLength={100} />
        </Form.Item>
        <div className="xs-form-row">
          <Form.Item
            name="buildingCount"
            label={t('form.buildingCount')}
            rules={rules('buildingCount', required(t('form.buildingCount')))}
          >
            <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="households"
            label={t('form.households')}
            rules={rules('households', required(t('form.households')))}
          >
            <InputNumber min={0} max={5000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="units" label={t('form.units')} rules={rules('units')}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Alert
          type={quote.isError ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            quote.data
              ? t('form.rate', {
                  amount: yuan(quote.data.monthlyRateFen),
                  rule: `${quote.data.ruleVersion.documentNumber}`,
                })
              : t('form.rateUnknown')
          }
        />
        <div className="xs-form-row">
          <Form.Item name="name" label={t('form.name')} rules={rules('name', required(t('form.name')))}>
            <Input maxLength={50} />
          </Form.Item>
          {creating && (
            <Form.Item
              name="nationalId"
              label={t('form.nationalId')}
              rules={rules('nationalId', invalid(t('form.nationalId')))}
            >
              <Input maxLength={18} style={{ fontVariantNumeric: 'tabular-nums' }} />
            </Form.Item>
          )}
        </div>
        <div className="xs-form-row">
          <Form.Item
            name="phone"
            label={t('form.phone')}
            rules={rules('phone', { ...required(t('form.phone')), optional: !creating })}
          >
            <Input maxLength={13} placeholder={creating ? undefined : leaderPlaceholder(leader)} />
          </Form.Item>
          <Form.Item
            name="bankName"
            label={t('form.bankName')}
            rules={rules('bankName', required(t('form.bankName')))}
          >
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item
          name="bankAccount"
          label={t('form.bankAccount')}
          rules={rules('bankAccount', { ...invalid(t('form.bankAccount')), optional: !creating })}
        >
          <Input maxLength={30} placeholder={leader && leader !== 'new' ? leader.bankAccount : undefined} />
        </Form.Item>
        <div className="xs-form-row">
          <Form.Item
            name="startDate"
            label={t('form.startDate')}
            rules={rules('startDate', required(t('form.startDate')))}
          >
            <Input type="date" />
          </Form.Item>
          {creating && (
            <Form.Item name="endDate" label={t('form.endDate')} rules={rules('endDate')}>
              <Input type="date" />
            </Form.Item>
          )}
        </div>
      </Form>
    </Modal>
  );
}

function leaderPlaceholder(leader: StipendPersonView | 'new' | null): string | undefined {
  return leader && leader !== 'new' ? leader.building?.phone : undefined;
}

/** 离任: the last day served; pay stops after that month (the roster's 停发, effective the next day). */
export function EndModal({ leader, onClose }: { leader: StipendPersonView | null; onClose: () => void }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ lastDay: string; reason: string }>();
  const endRules = useZodRules(RemoveStipendPersonRequest);
  const [saving, setSaving] = useState(false);

  const save = async (values: { lastDay: string; reason: string }) => {
    if (!leader) return;
    setSaving(true);
    try {
      await stipendsApi.removePerson(leader.id, {
        effectiveDate: nextDay(values.lastDay),
        reason: values.reason,
        version: leader.version,
      });
      void message.success(t('end.done'));
      await queryClient.invalidateQueries({ queryKey: ['stipends'] });
      onClose();
    } catch (error) {
      // The API names the first day not paid; the form asks for the last day served.
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={leader !== null}
      title={leader ? t('end.title', { name: leader.name }) : ''}
      okText={t('end.confirm')}
      cancelText={t('form.cancel')}
      okButtonProps={{ danger: true, loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('end.help')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ lastDay: beijingDate(), reason: t('end.reasonDefault') }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="lastDay"
          label={t('end.lastDay')}
          rules={endRules('effectiveDate', {
            required: t('form.required', { field: t('end.lastDay') }),
            from: (value) => nextDay(String(value)),
          })}
        >
          <Input type="date" min={leader?.eligibleFrom} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('end.reason')}
          rules={endRules('reason', { required: t('form.required', { field: t('end.reason') }) })}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
