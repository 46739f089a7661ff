import { useMutation } from '@tanstack/react-query';
import { Card, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { notificationSettingsApi } from '../../api/notifications';
import { text } from './text';

/**
 * One click from an e-mail, no login. The page posts the token when it opens: a link scanner that
 * only fetches the page unsubscribes nobody.
 */
export default function UnsubscribePage() {
  const t = text.useT();
  const [params] = useSearchParams();
  const token = params.get('token');
  const unsubscribe = useMutation({ mutationFn: notificationSettingsApi.unsubscribe });
  const { mutate } = unsubscribe;
  useEffect(() => {
    if (token) mutate(token);
  }, [token, mutate]);

  let content;
  if (!token) content = <Result status="warning" title={t('unsubscribe.missing')} />;
  else if (unsubscribe.isError) content = <Result status="error" title={t('unsubscribe.invalid')} />;
  else if (unsubscribe.data)
    content = (
      <Result
        status="success"
        title={t('unsubscribe.done', {
          topic: t(`topic.${unsubscribe.data.topic}`),
          channel: t(`channel.${unsubscribe.data.channel}`),
        })}
        subTitle={t('unsubscribe.hint')}
      />
    );
  else content = <Result icon={<Spin />} title={t('unsubscribe.working')} />;
  return (
    <Card variant="borderless" title={t('unsubscribe.title')} data-testid="unsubscribe">
      {content}
    </Card>
  );
}
