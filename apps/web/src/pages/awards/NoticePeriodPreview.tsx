import { CalendarOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NoticePreviewView } from '@xiaoshi/contracts';
import { Alert, Flex, Skeleton, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { scheduleText } from './schedule-text';

export const noticePreviewApi = (start: string, workingDays: number, signal?: AbortSignal) =>
  api<NoticePreviewView>('/api/calendar/notice-preview', { query: { start, workingDays }, signal });

/** Consecutive days of the same kind and name, shown as one tag: "10-01 – 10-07 国庆节". */
function runsOf(days: NoticePreviewView['skipped']) {
  const runs: Array<{ first: string; last: string; kind: string; name: string | null }> = [];
  for (const day of days) {
    const run = runs.at(-1);
    const next = run && Date.parse(day.date) - Date.parse(run.last) === 86_400_000;
    if (run && next && run.kind === day.kind && run.name === day.name) run.last = day.date;
    else runs.push({ first: day.date, last: day.date, kind: day.kind, name: day.name });
  }
  return runs;
}

const short = (date: string) => date.slice(5);

/**
 * When a notice published on `start` for `workingDays` would end, from the server's working-day
 * calendar (the same rows the notice itself is computed from), with the days skipped and the
 * make-up days counted.
 */
export function NoticePeriodPreview({
  start,
  workingDays,
}: {
  start: string | null;
  workingDays: number | null;
}) {
  const t = scheduleText.useT();
  const ready = !!start && !!workingDays && workingDays >= 1;
  const preview = useQuery({
    queryKey: ['awards', 'notice-preview', start, workingDays],
    queryFn: ({ signal }) => noticePreviewApi(start!, workingDays!, signal),
    enabled: ready,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  if (!ready) return null;
  if (preview.isError) return <Alert type="warning" showIcon title={t('preview.error')} />;
  if (!preview.data) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  const view = preview.data;
  const makeUp = view.counted.filter((day) => day.kind === 'make_up');
  const skipped = runsOf(view.skipped);
  return (
    <div className="xs-notice-preview" data-testid="notice-preview" data-last-day={view.lastDay}>
      <Flex gap={8} align="baseline" wrap>
        <CalendarOutlined />
        <Typography.Text strong>{t('preview.title')}</Typography.Text>
        <Typography.Text data-testid="notice-preview-period">
          {t('preview.period', { first: view.firstDay, last: view.lastDay, days: view.workingDays })}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
        {t('preview.closes', { last: view.lastDay })}
      </Typography.Text>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        {skipped.map((run) => (
          <Tag
            key={run.first}
            color={run.kind === 'holiday' ? 'red' : 'default'}
            style={{ marginInlineEnd: 0 }}
          >
            {t('preview.skipped')} {short(run.first)}
            {run.last !== run.first ? ` – ${short(run.last)}` : ''}{' '}
            {run.name ?? (run.kind === 'holiday' ? t('preview.kind.holiday') : t('preview.kind.weekend'))}
          </Tag>
        ))}
        {makeUp.map((day) => (
          <Tag key={day.date} color="green" style={{ marginInlineEnd: 0 }}>
            {short(day.date)} {day.name ?? ''} {t('preview.makeUp')}
          </Tag>
        ))}
        {!view.skipped.some((day) => day.kind === 'holiday') && makeUp.length === 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('preview.noHoliday')}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
