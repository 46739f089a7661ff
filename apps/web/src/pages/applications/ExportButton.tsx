import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { exportsApi, type ApplicationFilters } from '../../api/pipeline';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { applicationsText } from './text';

const POLL_MS = 1500;
const GIVE_UP_MS = 3 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Queues an Excel export of the filtered list, waits for the worker, then downloads it. */
export function ExportButton({ filters }: { filters: ApplicationFilters }) {
  const t = applicationsText.useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const key = 'application-export';

  const run = async () => {
    setBusy(true);
    message.open({ key, type: 'loading', content: t('export.queued'), duration: 0 });
    try {
      let job = await exportsApi.requestApplications(filters);
      const started = Date.now();
      while (job.status === 'queued' || job.status === 'running') {
        if (Date.now() - started > GIVE_UP_MS) throw new Error('timeout');
        await sleep(POLL_MS);
        job = await exportsApi.status(job.id);
        if (job.status === 'running')
          message.open({ key, type: 'loading', content: t('export.running'), duration: 0 });
      }
      if (job.status === 'failed') {
        message.open({ key, type: 'error', content: t('export.failed', { error: job.error ?? '' }) });
        return;
      }
      saveFile(await exportsApi.download(job.id), job.fileName ?? `export-${job.id}.xlsx`);
      message.open({ key, type: 'success', content: t('export.done', { count: job.rowCount ?? 0 }) });
    } catch (error) {
      const text =
        error instanceof Error && error.message === 'timeout' ? t('export.timeout') : errorMessage(error);
      message.open({ key, type: 'error', content: text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {t('export.button')}
    </Button>
  );
}
