import { CheckOutlined } from '@ant-design/icons';
import type { SelectionAnswer, SelectionView } from '@xiaoshi/contracts';
import { formatScore } from '@xiaoshi/domain';
import { Alert, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { Money } from '../../../components/Money';
import { yuan } from '../../../lib/money';
import { BudgetBar } from '../shared';
import { awardText } from '../text';
import { type Source } from './draft';

export function AnswerCard({
  source,
  answer,
  view,
  differs,
  adopted,
  onAdopt,
}: {
  source: Source;
  answer: SelectionAnswer;
  view: SelectionView;
  differs: Set<number>;
  adopted: boolean;
  onAdopt: () => void;
}) {
  const a = awardText.useT();
  const byId = new Map(view.candidates.map((candidate) => [candidate.applicationId, candidate]));
  return (
    <Card
      size="small"
      style={{ height: '100%', borderColor: adopted ? '#2563eb' : undefined }}
      data-testid={`answer-${source}`}
      title={
        <Flex vertical>
          <span>{a(`answer.${source}`)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {a(`answer.${source}Help`)}
          </Typography.Text>
        </Flex>
      }
      extra={
        adopted ? (
          <Tag color="blue" icon={<CheckOutlined />}>
            {a('answer.adopted')}
          </Tag>
        ) : (
          <Button size="small" onClick={onAdopt}>
            {a('answer.adopt')}
          </Button>
        )
      }
    >
      <Flex gap={24} wrap style={{ marginBottom: 8 }}>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('answer.total')}
          </Typography.Text>
          <div>
            <Money fen={answer.total} strong />
          </div>
        </div>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('answer.totalScore')}
          </Typography.Text>
          <div>
            <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatScore(answer.totalScore)}
            </Typography.Text>
          </div>
        </div>
        <Flex vertical justify="flex-end">
          <Space size={4}>
            <Tag>{a('answer.count', { count: answer.selected.length })}</Tag>
            <Tag color={answer.feasible ? 'green' : 'red'}>
              {answer.feasible ? a('answer.feasible') : a('answer.infeasible')}
            </Tag>
          </Space>
        </Flex>
      </Flex>
      <BudgetBar totalFen={answer.total} envelopeFen={view.envelopeFen} testId={`budget-${source}`} />
      {answer.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={answer.problems.map((problem) => problem.message).join('；')}
        />
      )}
      {answer.selected.length === 0 ? (
        <Typography.Text type="secondary">{a('answer.none')}</Typography.Text>
      ) : (
        <ul className="xs-answer-list" style={{ marginTop: 8 }}>
          {answer.awards.map((award) => {
            const candidate = byId.get(award.applicationId);
            const diff = differs.has(award.applicationId);
            return (
              <li
                key={award.applicationId}
                className={diff ? 'xs-answer-diff' : undefined}
                data-diff={diff || undefined}
              >
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary">{candidate?.rank ?? '—'}.</Typography.Text>{' '}
                  {candidate?.title ?? `#${award.applicationId}`}
                  {diff && (
                    <Tag color="orange" style={{ marginInlineStart: 6 }}>
                      {a('answer.onlyHere')}
                    </Tag>
                  )}
                </Typography.Text>
                <Typography.Text style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
                  {yuan(award.amount)}
                </Typography.Text>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
