import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateTripRequest, type TripView } from '@xiaoshi/contracts';
import { fenToYuanString, yuanToFen } from '@xiaoshi/domain';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { budgetsApi } from '../../api/pipeline';
import { reportFormError } from '../../lib/form-errors';
import { beijingYear } from '../../lib/time';
import { useZodRules, yuanOptions } from '../../lib/zod-form';
import '../building-leaders/forms.css';
import { tripsApi } from './api';
import { text } from './text';

interface TripValues {
  title: string;
  destination: string;
  purpose?: string;
  startDate: string;
  endDate: string;
  category: string;
  staffCount: number;
  travel?: string;
  budgetLineId: number;
}

/** Budget lines the user may spend from, this year's and next year's, for selects. */
export function useBudgetLineOptions() {
  const year = beijingYear();
  const programmes = useQuery({
    queryKey: ['budgets', 'programmes', 'lines'],
    queryFn: ({ signal }) => budgetsApi.programmes(undefined, signal),
    staleTime: 60_000,
  });
  return useMemo(
    () =>
      (programmes.data ?? [])
        .filter((programme) => programme.year >= year - 1)
        .map((programme) => ({
          label: `${programme.year} · ${programme.name}`,
          options: programme.lines.map((line) => ({ value: line.id, label: line.name })),
        })),
    [programmes.data, year],
  );
}

export function TripFormModal({
  open,
  trip,
  onClose,
  onSaved,
}: {
  open: boolean;
  trip: TripView | null;
  onClose: () => void;
  onSaved?: (trip: TripView) => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TripValues>();
  const rules = useZodRules(CreateTripRequest);
  const [saving, setSaving] = useState(false);
  const lines = useBudgetLineOptions();
  const norms = useQuery({
    queryKey: ['trips', 'norms'],
    queryFn: ({ signal }) => tripsApi.norms(signal),
    enabled: open,
  });
  const categories = useMemo(() => {
    const seen = new Map<string, string>();
    for (const version of norms.data ?? [])
      for (const item of version.items) if (!seen.has(item.category)) seen.set(item.category, item.label);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [norms.data]);

  useEffect(() => {
    if (!open) return;
    if (trip)
      form.setFieldsValue({
        title: trip.title,
        destination: trip.destination,
        purpose: trip.purpose ?? undefined,
        startDate: trip.startDate,
        endDate: trip.endDate,
        category: trip.category,
        staffCount: trip.staffCount,
        travel: fenToYuanString(trip.travelPerPersonFen),
        budgetLineId: trip.budgetLine.id,
      });
    else form.resetFields();
  }, [open, trip, form]);

  const save = async (values: TripValues) => {
    const body = {
      budgetLineId: values.budgetLineId,
      title: values.title,
      destination: values.destination,
      purpose: values.purpose?.trim() || null,
      startDate: values.startDate,
      endDate: values.endDate,
      category: values.category,
      staffCount: values.staffCount ?? 0,
      travelPerPersonFen: values.travel ? (yuanToFen(values.travel) ?? Number.NaN) : 0,
    };
    setSaving(true);
    try {
      const saved = trip
        ? await tripsApi.update(trip.id, { ...body, version: trip.version })
        : await tripsApi.create(body);
      void message.success(t('form.saved'));
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
      onSaved?.(saved);
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
      title={trip ? t('form.editTitle') : t('form.createTitle')}
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
        initialValues={{ staffCount: 0 }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="title" label={t('form.title')} rules={rules('title', required(t('form.title')))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="destination"
          label={t('form.destination')}
          rules={rules('destination', required(t('form.destination')))}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="purpose" label={t('form.purpose')} rules={rules('purpose')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <div className="xs-form-row">
          <Form.Item
            name="startDate"
            label={t('form.startDate')}
            rules={rules('startDate', required(t('form.startDate')))}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={t('form.endDate')}
            rules={rules('endDate', required(t('form.endDate')))}
          >
            <Input type="date" />
          </Form.Item>
        </div>
        <div className="xs-form-row">
          <Form.Item
            name="category"
            label={t('form.category')}
            rules={rules('category', required(t('form.category')))}
          >
            <Select options={categories} />
          </Form.Item>
          <Form.Item name="staffCount" label={t('form.staffCount')} rules={rules('staffCount')}>
            <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="travel"
            label={t('form.travel')}
            rules={rules('travelPerPersonFen', yuanOptions())}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </div>
        <Form.Item
          name="budgetLineId"
          label={t('form.budgetLine')}
          rules={rules('budgetLineId', required(t('form.budgetLine')))}
        >
          <Select options={lines} showSearch optionFilterProp="label" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
