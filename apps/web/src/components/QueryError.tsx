import { Button, Result, Typography } from 'antd';
import { isApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage } from '../lib/errors';

interface Props {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}

/** A failed load: what went wrong, the request id for support, and a retry. */
export function QueryError({ error, onRetry, compact }: Props) {
  const { t } = useI18n();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Result
      status={compact ? 'warning' : 'error'}
      title={t('error.loadFailed')}
      subTitle={
        <>
          <div>{errorMessage(error, t)}</div>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }} style={{ fontSize: 12 }}>
              {t('common.requestId')}: {requestId}
            </Typography.Text>
          )}
        </>
      }
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      style={compact ? { padding: '24px 0' } : undefined}
    />
  );
}
