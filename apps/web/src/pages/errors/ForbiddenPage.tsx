import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { shellText } from '../../app/text';
import { commonText } from '../../i18n/common';

export function ForbiddenPage() {
  const t = shellText.useT();
  const tc = commonText.useT();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.detail')}
      extra={
        <Link to="/">
          <Button type="primary">{tc('backHome')}</Button>
        </Link>
      }
    />
  );
}

export default ForbiddenPage;
