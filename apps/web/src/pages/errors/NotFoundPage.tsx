import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.detail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
