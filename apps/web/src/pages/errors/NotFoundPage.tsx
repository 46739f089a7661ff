import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { shellText } from '../../app/text';
import { commonText } from '../../i18n/common';

export default function NotFoundPage() {
  const t = shellText.useT();
  const tc = commonText.useT();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.detail')}
      extra={
        <Link to="/">
          <Button type="primary">{tc('backHome')}</Button>
        </Link>
      }
    />
  );
}
