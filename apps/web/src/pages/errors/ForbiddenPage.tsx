import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.detail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export default ForbiddenPage;
