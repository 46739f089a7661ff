import { CheckCircleOutlined, ClockCircleOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TodoView, WorkbenchFigureView } from '@xiaoshi/contracts';
import { formatYuan } from '@xiaoshi/domain';
import { Button, Card, Col, Empty, Flex, Progress, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth, useSessionUser } from '../../app/auth/AuthContext';
import { PASSWORD_PATH } from '../../app/auth/guards';
import { QueryError } from '../../components/QueryError';
import { RoleTags } from '../../components/RoleTags';
import { scaledMoney } from '../../lib/money-scale';
import { beijingDate, beijingHour, formatDateTime } from '../../lib/time';
import { workbenchApi } from './api';
import { text } from './text';
import './home.css';
import { useLang, type Lang } from '../../i18n/i18n';

function greetingKey(hour: number) {
  if (hour < 12) return 'morning' as const;
  if (hour < 18) return 'afternoon' as const;
  return 'evening' as const;
}

/** Whole days from today (Beijing) to a YYYY-MM-DD date. */
function daysTo(date: string): number {
  return Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${beijingDate()}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * 工作台: what waits for the signed-in user (待办, from every module through GET /api/workbench),
 * each with its count, deadline and a link to the page that does it, and the figures their role
 * looks after. Queue and health figures live on the ops page (/ops).
 */
export default function HomePage() {
  const t = text.useT();
  const user = useSessionUser();
  const { can } = useAuth();
  const lang = useLang();
  const workbench = useQuery({
    queryKey: ['workbench', user.id],
    queryFn: ({ signal }) => workbenchApi.mine(signal),
  });

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('greeting', { greeting: t(greetingKey(beijingHour())), name: user.displayName })}
            </Typography.Title>
            <Flex gap={8} align="center" wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{user.unit.name}</Typography.Text>
              <RoleTags roles={user.roles} />
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('intro')}
            </Typography.Paragraph>
          </div>
          <Flex gap={8} wrap>
            {can('dashboards.read') && (
              <Link to="/dashboards">
                <Button>{t('links.dashboards')}</Button>
              </Link>
            )}
            {can('queues.read') && (
              <Link to="/ops">
                <Button>{t('links.ops')}</Button>
              </Link>
            )}
            <Link to={PASSWORD_PATH}>
              <Button type="text">{t('links.password')}</Button>
            </Link>
          </Flex>
        </Flex>
      </Card>
      {workbench.isError ? (
        <Card variant="borderless">
          <QueryError error={workbench.error} onRetry={() => void workbench.refetch()} />
        </Card>
      ) : workbench.isPending ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          <Card
            variant="borderless"
            title={t('todos.title')}
            data-testid="workbench-todos"
            extra={
              <Button
                size="small"
                type="text"
                icon={<ReloadOutlined />}
                aria-label={t('refresh')}
                onClick={() => void workbench.refetch()}
                loading={workbench.isFetching}
              />
            }
          >
            {workbench.data.todos.length === 0 ? (
              <Empty image={<CheckCircleOutlined className="xs-todo-none" />} description={t('todos.none')} />
            ) : (
              <Row gutter={[12, 12]}>
                {workbench.data.todos.map((todo, index) => (
                  <Col xs={24} sm={12} xl={8} key={`${todo.kind}-${index}`}>
                    <TodoCard todo={todo} lang={lang} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <Card variant="borderless" title={t('figures.title')} data-testid="workbench-figures">
            {workbench.data.figures.length === 0 ? (
              <Typography.Text type="secondary">{t('figures.none')}</Typography.Text>
            ) : (
              <Row gutter={[12, 12]}>
                {workbench.data.figures.map((figure) => (
                  <Col xs={12} md={8} xl={6} key={figure.key}>
                    <FigureTile figure={figure} lang={lang} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('computedAt', { time: formatDateTime(workbench.data.computedAt, lang, false) })}
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}

function TodoCard({ todo, lang }: { todo: TodoView; lang: Lang }) {
  const t = text.useT();
  const days = todo.oldestDue ? daysTo(todo.oldestDue) : null;
  const tone = days === null ? 'secondary' : days < 0 ? 'danger' : days <= 7 ? 'warning' : 'secondary';
  return (
    <Link to={todo.link} className="xs-todo" data-kind={todo.kind} data-count={todo.count}>
      <Card size="small" hoverable style={{ height: '100%' }}>
        <Flex align="center" gap={12}>
          <span className="xs-todo-count">{todo.count}</span>
          <Flex vertical style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text strong className="xs-todo-label">
              {todo.label[lang]}
            </Typography.Text>
            {todo.oldestDue && (
              <Typography.Text type={tone} style={{ fontSize: 12 }}>
                <ClockCircleOutlined />{' '}
                {days !== null && days < 0
                  ? t('todos.overdue', { date: todo.oldestDue })
                  : days !== null && days <= 7
                    ? t('todos.dueSoon', { days: Math.max(days, 0) })
                    : t('todos.due', { date: todo.oldestDue })}
              </Typography.Text>
            )}
          </Flex>
          <RightOutlined style={{ color: '#94a3b8' }} aria-label={t('todos.open')} />
        </Flex>
      </Card>
    </Link>
  );
}

function FigureTile({ figure, lang }: { figure: WorkbenchFigureView; lang: Lang }) {
  const t = text.useT();
  const value =
    figure.unit === 'bp'
      ? `${(figure.value / 100).toFixed(2).replace(/\.?0+$/, '')}%`
      : figure.unit === 'fen'
        ? scaledMoney(figure.value, lang)
        : figure.of !== null
          ? t('figures.of', { value: figure.value, of: figure.of })
          : String(figure.value);
  const body = (
    <Card size="small" hoverable={!!figure.link} style={{ height: '100%' }}>
      <Typography.Text type="secondary" className="xs-figure-label">
        {figure.label[lang]}
      </Typography.Text>
      <div className="xs-figure-value" data-testid={`figure-${figure.key}`}>
        {value}
      </div>
      {figure.unit === 'fen' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('figures.yuan', { amount: formatYuan(figure.value) })}
        </Typography.Text>
      )}
      {figure.unit === 'bp' && (
        <Progress percent={Math.min(100, figure.value / 100)} showInfo={false} size="small" />
      )}
      {figure.of !== null && figure.of > 0 && (
        <Progress
          percent={Math.min(100, Math.round((figure.value / figure.of) * 100))}
          showInfo={false}
          size="small"
          status={figure.value >= figure.of ? 'success' : 'active'}
        />
      )}
    </Card>
  );
  return figure.link ? (
    <Link to={figure.link} className="xs-figure">
      {body}
    </Link>
  ) : (
    body
  );
}
