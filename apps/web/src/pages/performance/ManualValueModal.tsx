import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ManualValueRequest, type PerformanceTableView, type QualitativeBandKey } from '@xiaoshi/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Slider, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { reportFormError } from '../../lib/form-errors';
import type { ActualRow } from './ActualsTab';
import { performanceApi } from './api';
import { text } from './text';
import { useZodRules } from '../../lib/zod-form';

interface Values {
  value?: number;
  band?: QualitativeBandKey;
  bandFraction?: number;
  note?: string;
}

const BANDS: readonly QualitativeBandKey[] = ['achieved', 'partly', 'not_achieved'];

/** Enters a hand-made actual value (or a qualitative band) with its evidence file. */
export function ManualValueModal({
  table,
  row,
  onClose,
}: {
  table: PerformanceTableView;
  row: ActualRow;
  onClose: () => void;
}) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(ManualValueRequest);
  const [evidence, setEvidence] = useState<{ id: number; name: string } | null>(null);
  const qualitative = row.indicator.nature === 'qualitative';
  const upload = useMutation({
    mutationFn: (file: File) => performanceApi.uploadEvidence(table.id, file),
    onSuccess: (uploaded) => setEvidence(uploaded),
    onError: (error) => void message.error(errorMessage(error)),
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      performanceApi.enterValue(table.id, {
        indicatorKey: row.indicator.key,
        value: qualitative ? null : (values.value ?? null),
        band: qualitative ? (values.band ?? null) : null,
        bandFraction: qualitative ? (values.bandFraction ?? 1) : null,
        note: values.note ?? '',
        evidenceId: evidence!.id,
      }),
    onSuccess: () => {
      void message.success(t('manual.saved'));
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
      onClose();
    },
    onError: (error) => reportFormError(form, error, message),
  });
  return (
    <Modal
      open
      title={t('manual.title', { name: row.indicator.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !evidence }}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ bandFraction: 1 }}
        onFinish={(values) => save.mutate(values)}
      >
        {qualitative ? (
          <>
            <Form.Item
              name="band"
              label={t('manual.band')}
              rules={rules('band', { required: t('manual.required'), optional: false })}
            >
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={BANDS.map((band) => ({ value: band, label: t(`band.${band}`) }))}
              />
            </Form.Item>
            <Form.Item name="bandFraction" label={t('manual.fraction')} extra={t('manual.fractionHint')}>
              <Slider min={0} max={1} step={0.05} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="value"
            label={t('manual.value', { unit: row.indicator.unit })}
            rules={rules('value', { required: t('manual.required'), optional: false })}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('manual.note')} rules={rules('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('manual.evidence')} extra={t('manual.evidenceHint')} required>
          <Upload
            maxCount={1}
            showUploadList={false}
            accept=".pdf,.png,.jpg,.jpeg,.webp,.xlsx,.docx"
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('manual.upload')}
            </Button>
          </Upload>
          {evidence && (
            <Typography.Text type="success" style={{ display: 'block', marginTop: 6 }}>
              {t('manual.uploaded', { name: evidence.name })}
            </Typography.Text>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
