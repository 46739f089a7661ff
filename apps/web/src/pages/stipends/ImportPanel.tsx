import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { StipendImportResult, StipendProgrammeView } from '@xiaoshi/contracts';
import { Alert, App, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/errors';
import { stipendsApi } from '../../api/stipends';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { stipendText } from './i18n';

export interface ImportProblemRow {
  key: string;
  row: number | null;
  column: string;
  problem: string;
}

/** `fields` of a rejected import (`rows.<row>.<column>`, or a file-level key) as table rows, by row. */
export function importProblems(fields: Record<string, string>): ImportProblemRow[] {
  return Object.entries(fields)
    .map(([key, problem]) => {
      const match = /^rows\.(\d+)\.(.+)$/.exec(key);
      return match
        ? { key, row: Number(match[1]), column: match[2], problem }
        : { key, row: null, column: key === 'file' ? '' : key, problem };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.column.localeCompare(b.column, 'zh-CN'));
}

type Outcome =
  | { kind: 'done'; fileName: string; result: StipendImportResult }
  | { kind: 'failed'; fileName: string; message: string; problems: ImportProblemRow[] };

/** Template download, .xlsx upload, and the all-or-nothing result: a summary or a row-level report. */
export function ImportPanel({ programme }: { programme: StipendProgrammeView }) {
  const s = stipendText.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const template = async () => {
    setDownloading(true);
    try {
      saveFile(await stipendsApi.template(programme.id), '名册模板.xlsx');
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  const upload = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      void message.error(s('import.onlyXlsx'));
      return;
    }
    setUploading(true);
    setOutcome(null);
    try {
      const result = await stipendsApi.importRoster(programme.id, file);
      setOutcome({ kind: 'done', fileName: file.name, result });
      await queryClient.invalidateQueries({ queryKey: ['stipends'] });
    } catch (error) {
      setOutcome({
        kind: 'failed',
        fileName: file.name,
        message: errorMessage(error),
        problems: isApiError(error) ? importProblems(error.fields) : [],
      });
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card size="small" title={s('import.title')} className="xs-stipend-import">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{s('import.help')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()}>
            {s('import.template')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={uploading}>
              {uploading ? s('import.uploading') : s('import.choose')}
            </Button>
          </Upload>
        </Flex>
        {outcome?.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setOutcome(null)}
            title={
              s('import.done', {
                rows: outcome.result.rows,
                created: outcome.result.created,
                updated: outcome.result.updated,
              }) +
              (outcome.result.unchanged !== undefined
                ? s('import.unchanged', { unchanged: outcome.result.unchanged })
                : '')
            }
            description={outcome.fileName}
          />
        )}
        {outcome?.kind === 'failed' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={s('import.failed', { message: outcome.message })}
            description={
              outcome.problems.length > 0 && (
                <Flex vertical gap={8}>
                  <Typography.Text>
                    {outcome.fileName} · {s('import.problems', { count: outcome.problems.length })}
                  </Typography.Text>
                  <Table<ImportProblemRow>
                    className="xs-import-problems"
                    size="small"
                    rowKey="key"
                    pagination={outcome.problems.length > 20 ? { pageSize: 20, size: 'small' } : false}
                    dataSource={outcome.problems}
                    columns={[
                      {
                        title: s('import.col.row'),
                        dataIndex: 'row',
                        width: 90,
                        render: (row: number | null) => (row === null ? '—' : s('import.rowN', { row })),
                      },
                      { title: s('import.col.column'), dataIndex: 'column', width: 160 },
                      { title: s('import.col.problem'), dataIndex: 'problem' },
                    ]}
                  />
                </Flex>
              )
            }
          />
        )}
      </Flex>
    </Card>
  );
}
