import { Button, Result, Typography } from 'antd';
import { isApiError } from '../api/errors';
import { errorMessage } from '../lib/errors';
import { commonText } from '../i18n/common';

interface Props {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}

/** A failed load: what went wrong, the request id for support, and a retry. */
export function QueryError({ error, onRetry, compact }: Props) {
  const t = commonText.useT();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Result
      status={compact ? 'warning' : 'error'}
      title={t('error.loadFailed')}
      subTitle={
        <>
          <div>{errorMessage(error)}</div>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }} style={{ fontSize: 12 }}>
              {t('requestId')}: {requestId}
            </Typography.Text>
          )}
        </>
      }
      extra={onRetry && <Button onClick={onRetry}>{t('retry')}</Button>}
      style={compact ? { padding: '24px 0' } : undefined}
    />
  );
}
