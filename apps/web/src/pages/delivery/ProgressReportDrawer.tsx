import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ProgressReportRequest, type ProjectView } from '@xiaoshi/contracts';
import {
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Slider,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { deliveryApi } from '../../api/delivery';
import { errorMessage } from '../../lib/errors';
import { formatBytes } from '../../lib/download';
import { showFormError, useDeliveryRefresh } from './shared';
import { deliveryText } from './i18n';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

interface Values {
  text: string;
  percentComplete: number;
  midterm: boolean;
}

/** 报告进度: text, percent complete (slider), mid-term flag and photos, for community and street officers. */
export function ProgressReportDrawer({
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
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(ProgressReportRequest);
  const [files, setFiles] = useState<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const hasMidterm = project.tranches.some((tranche) => tranche.condition === 'on_midterm_report');

  const submit = useMutation({
    mutationFn: async (values: Values) => {
      const report = await deliveryApi.report(project.id, {
        text: values.text.trim(),
        percentComplete: values.percentComplete,
        midterm: !!values.midterm,
      });
      const failures: string[] = [];
      for (const file of files) {
        try {
          await deliveryApi.reportPhoto(report.id, file);
        } catch (error) {
          failures.push(d('reports.photoFailed', { name: file.name, error: errorMessage(error) }));
        }
      }
      return failures;
    },
    onSuccess: async (failures) => {
      if (failures.length) void message.warning(failures.join(' '));
      else void message.success(d('reports.submitted'));
      await refresh();
      form.resetFields();
      setFiles([]);
      onClose();
    },
    onError: (error) =>
      showFormError(
        form,
        error,
        { text: 'text', percentComplete: 'percentComplete' },
        (text) => void message.error(text),
      ),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={d('reports.form.title')}
      size={screens.md ? 520 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={submit.isPending} onClick={() => form.submit()} id="report-submit">
            {d('reports.form.submit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{project.title}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ percentComplete: project.percentComplete, midterm: false, text: '' }}
        onFinish={(values) => submit.mutate(values)}
      >
        <Form.Item name="text" label={d('reports.form.text')} rules={rules('text')}>
          <Input.TextArea
            rows={6}
            maxLength={5000}
            showCount
            placeholder={d('reports.form.textPlaceholder')}
            aria-label={d('reports.form.text')}
          />
        </Form.Item>
        <Form.Item label={d('reports.form.percent')} required>
          <Flex gap={16} align="center">
            <Form.Item name="percentComplete" noStyle>
              <Slider
                min={0}
                max={100}
                step={5}
                style={{ flex: 1 }}
                marks={{ 0: '0', 50: '50', 100: '100%' }}
              />
            </Form.Item>
            <Form.Item name="percentComplete" noStyle>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                suffix="%"
                style={{ width: 96 }}
                aria-label={d('reports.form.percent')}
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        {hasMidterm && (
          <Form.Item name="midterm" valuePropName="checked" extra={d('reports.form.midtermHelp')}>
            <Checkbox>{d('reports.form.midterm')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item label={d('reports.form.photos')} extra={d('reports.form.photosHelp')}>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            style={{ display: 'none' }}
            data-testid="report-photos"
            onChange={(event) => {
              const chosen = [...(event.target.files ?? [])];
              setFiles((current) => [...current, ...chosen]);
              event.target.value = '';
            }}
          />
          <Flex vertical gap={6}>
            <Button
              icon={<CameraOutlined />}
              onClick={() => input.current?.click()}
              style={{ width: 'fit-content' }}
            >
              {d('reports.form.addPhoto')}
            </Button>
            {files.map((file, index) => (
              <Flex key={`${file.name}-${index}`} justify="space-between" align="center" gap={8}>
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  {file.name}
                </Typography.Text>
                <Flex align="center" gap={4} style={{ flex: 'none' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatBytes(file.size)}
                  </Typography.Text>
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={d('reports.form.remove')}
                    onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                  />
                </Flex>
              </Flex>
            ))}
          </Flex>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
