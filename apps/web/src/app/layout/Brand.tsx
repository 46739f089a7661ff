import { Flex, Typography } from 'antd';
import { commonText } from '../../i18n/common';

export function Brand({ compact }: { compact?: boolean }) {
  const t = commonText.useT();
  return (
    <Flex align="center" gap={10} className="xs-brand">
      <span className="xs-brand-mark" style={{ flex: 'none' }} aria-hidden>
        实
      </span>
      <Flex vertical style={{ lineHeight: 1.2 }}>
        <Typography.Text strong style={{ fontSize: 17, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Text>
        {!compact && (
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('app.fullName')}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
