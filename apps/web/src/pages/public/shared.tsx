import { Button, Result, Tag } from 'antd';
import { isApiError } from '../../api/errors';
import { awardText } from '../awards/text';

/** A failed public load, in plain words (no request ids for the public). */
export function PublicError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const a = awardText.useT();
  const missing = isApiError(error) && error.status === 404;
  return (
    <Result
      status={missing ? '404' : 'warning'}
      title={missing ? a('public.notFound') : a('public.loadFailed')}
      extra={missing ? undefined : <Button onClick={onRetry}>{a('public.retry')}</Button>}
    />
  );
}

export function NoticeStatusTag({ status }: { status: string }) {
  const a = awardText.useT();
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
      {status === 'open' || status === 'closed' ? a(`notice.status.${status}`) : status}
    </Tag>
  );
}
