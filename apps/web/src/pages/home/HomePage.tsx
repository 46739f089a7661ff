import { KeyOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSessionUser } from '../../app/auth/AuthContext';
import { PASSWORD_PATH } from '../../app/auth/guards';
import { visibleNavItems } from '../../app/navigation';
import { RoleTags } from '../../components/RoleTags';
import { UnitKindTag } from '../../components/UnitKindTag';
import { useI18n } from '../../i18n/I18nProvider';
import { beijingHour } from '../../lib/time';
import { OpsPanel } from './OpsPanel';

function greetingKey(hour: number) {
  if (hour < 12) return 'home.morning' as const;
  if (hour < 18) return 'home.afternoon' as const;
  return 'home.evening' as const;
}

export default function HomePage() {
  const user = useSessionUser();
  const { t } = useI18n();
  const links = visibleNavItems(user.permissions).filter((item) => item.blurb);

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('home.greeting', { greeting: t(greetingKey(beijingHour())), name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.welcome')}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('home.profile')} variant="borderless" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('home.username'), children: user.username },
                {
                  key: 'unit',
                  label: t('home.unit'),
                  children: (
                    <Flex gap={8} align="center" wrap>
                      {user.unit.name}
                      <UnitKindTag kind={user.unit.kind} />
                    </Flex>
                  ),
                },
                { key: 'roles', label: t('home.roles'), children: <RoleTags roles={user.roles} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('home.quickLinks')} variant="borderless" style={{ height: '100%' }}>
            {links.length === 0 && (
              <Typography.Paragraph type="secondary">{t('home.noLinks')}</Typography.Paragraph>
            )}
            <Row gutter={[12, 12]}>
              {links.map((item) => (
                <Col xs={24} sm={12} key={item.path}>
                  <QuickLink
                    to={item.path}
                    icon={item.icon}
                    title={t(item.label)}
                    blurb={item.blurb ? t(item.blurb) : ''}
                  />
                </Col>
              ))}
              <Col xs={24} sm={12}>
                <QuickLink
                  to={PASSWORD_PATH}
                  icon={<KeyOutlined />}
                  title={t('user.changePassword')}
                  blurb={t('home.link.password')}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      {user.permissions.includes('queues.read') && <OpsPanel />}
    </Flex>
  );
}

function QuickLink({
  to,
  icon,
  title,
  blurb,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  blurb: string;
}) {
  return (
    <Link to={to}>
      <Card size="small" hoverable>
        <Flex align="center" gap={12}>
          <span style={{ fontSize: 22, color: '#1d4ed8' }}>{icon}</span>
          <Flex vertical style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {blurb}
            </Typography.Text>
          </Flex>
          <RightOutlined style={{ color: '#94a3b8' }} />
        </Flex>
      </Card>
    </Link>
  );
}
