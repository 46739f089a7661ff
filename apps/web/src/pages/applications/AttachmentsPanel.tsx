import {
  CheckCircleFilled,
  DeleteOutlined,
  ExclamationCircleFilled,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { ApplicationView } from '@xiaoshi/contracts';
import { App, Button, Flex, List, Popconfirm, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { applicationsApi } from '../../api/pipeline';
import { attachmentTypeText } from '../../i18n/enums';
import { formatBytes, saveFile } from '../../lib/download';
import { APPLICATION_ATTACHMENT_TYPES } from '../../lib/enums';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { applicationsText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

/** The API's limit (ATTACHMENT_MAX_BYTES, 20 MiB by default); checked here first to save the upload. */
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.xlsx,.docx';

type Attachment = ApplicationView['attachments'][number];

interface Props {
  application: ApplicationView;
  requiredTypes: string[];
  editable: boolean;
  onChanged: () => void;
}

/**
 * Attachments by type: the competition's required types first, each with a tick once a file is
 * there; uploads go one file at a time, type first (the API reads the type before the file).
 */
export function AttachmentsPanel({ application, requiredTypes, editable, onChanged }: Props) {
  const t = applicationsText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<string | null>(null);
  const types = [
    ...requiredTypes,
    ...APPLICATION_ATTACHMENT_TYPES.filter((key) => !requiredTypes.includes(key)),
    // Any other type a file carries (one the competition dropped, or a later stage's).
    ...application.attachments.map((file) => file.type),
  ].filter((type, index, all) => all.indexOf(type) === index);
  const visible = editable
    ? types
    : types.filter(
        (type) => requiredTypes.includes(type) || application.attachments.some((file) => file.type === type),
      );

  const upload = async (type: string, file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(t('attachments.tooLarge', { name: file.name }));
      return;
    }
    setUploading(type);
    try {
      await applicationsApi.upload(application.id, type, file);
      message.success(t('attachments.uploaded', { name: file.name }));
      onChanged();
    } catch (error) {
      message.error(t('attachments.uploadFailed', { name: file.name, error: errorMessage(error) }));
    } finally {
      setUploading(null);
    }
  };

  const download = async (file: Attachment) => {
    try {
      saveFile(await applicationsApi.download(application.id, file.id), file.originalName);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const remove = async (file: Attachment) => {
    try {
      await applicationsApi.removeAttachment(application.id, file.id);
      message.success(t('attachments.removed', { name: file.originalName }));
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <List
      className="xs-attachments"
      dataSource={visible}
      locale={{ emptyText: t('attachments.none') }}
      renderItem={(type) => {
        const files = application.attachments.filter((file) => file.type === type);
        const required = requiredTypes.includes(type);
        const present = files.length > 0;
        return (
          <List.Item data-testid={`attachment-row-${type}`} data-present={present}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex align="center" gap={8}>
                  {present ? (
                    <CheckCircleFilled style={{ color: '#16a34a' }} aria-label={t('attachments.present')} />
                  ) : required ? (
                    <ExclamationCircleFilled
                      style={{ color: '#f59e0b' }}
                      aria-label={t('attachments.missing')}
                    />
                  ) : (
                    <PaperClipOutlined style={{ color: '#94a3b8' }} />
                  )}
                  <Typography.Text strong>{attachmentTypeText.label(type)}</Typography.Text>
                  {required && (
                    <Tag color={present ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>
                      {present ? t('attachments.requiredDone') : t('attachments.required')}
                    </Tag>
                  )}
                </Flex>
                {editable && (
                  <span data-testid={`upload-${type}`}>
                    <Upload
                      accept={ACCEPT}
                      showUploadList={false}
                      multiple={false}
                      beforeUpload={(file) => {
                        void upload(type, file);
                        return Upload.LIST_IGNORE;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={uploading === type}>
                        {present ? t('attachments.uploadMore') : t('attachments.upload')}
                      </Button>
                    </Upload>
                  </span>
                )}
              </Flex>
              {files.map((file) => (
                <Flex key={file.id} justify="space-between" align="center" gap={8} className="xs-file-row">
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void download(file)}
                    style={{ padding: 0, minWidth: 0 }}
                  >
                    <Typography.Text ellipsis style={{ maxWidth: 320, color: 'inherit' }}>
                      {file.originalName}
                    </Typography.Text>
                  </Button>
                  <Flex gap={8} align="center">
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {formatBytes(file.sizeBytes)} · {formatDateTime(file.createdAt, lang, false)}
                    </Typography.Text>
                    {editable && (
                      <Popconfirm
                        title={t('attachments.removeConfirm', { name: file.originalName })}
                        okText={tc('confirm')}
                        cancelText={tc('cancel')}
                        onConfirm={() => remove(file)}
                      >
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('attachments.remove')}
                        />
                      </Popconfirm>
                    )}
                  </Flex>
                </Flex>
              ))}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
