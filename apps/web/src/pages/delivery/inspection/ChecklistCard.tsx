import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Typography } from 'antd';
import type { InspectionView } from '@xiaoshi/contracts';
import { useLang } from '../../../i18n/i18n';
import { deliveryText } from '../i18n';

export type Answers = Record<string, { ok: boolean | null; note: string }>;

/** The checklist: met / not met per item, with a note, and the item's problem when there is one. */
export function ChecklistCard({
  checklist,
  answers,
  answered,
  editable,
  shown,
  setAnswer,
}: {
  checklist: InspectionView['checklist'];
  answers: Answers;
  answered: number;
  editable: boolean;
  shown: (field: string) => string | undefined;
  setAnswer: (key: string, patch: Partial<Answers[string]>) => void;
}) {
  const d = deliveryText.useT();
  const lang = useLang();
  return (
    <Card
      size="small"
      variant="borderless"
      title={d('inspection.checklist')}
      extra={
        <Typography.Text type="secondary" data-testid="checklist-count">
          {d('inspection.answered', { done: answered, total: checklist.length })}
        </Typography.Text>
      }
    >
      <Flex vertical gap={10}>
        {checklist.map((item, index) => {
          const answer = answers[item.key];
          const problem = shown(`answers.${item.key}`);
          return (
            <div
              key={item.key}
              className={`xs-insp-item${problem ? ' xs-insp-item-missing' : ''}`}
              data-testid={`check-${item.key}`}
              role="group"
              aria-label={lang === 'en' ? item.en : item.zh}
            >
              <div className="xs-insp-item-title">
                {index + 1}. {lang === 'en' ? item.en : item.zh}
              </div>
              <div className="xs-insp-toggle">
                <Button
                  type={answer.ok === true ? 'primary' : 'default'}
                  icon={<CheckOutlined />}
                  aria-pressed={answer.ok === true}
                  data-answer="met"
                  disabled={!editable}
                  onClick={() => setAnswer(item.key, { ok: true })}
                  style={answer.ok === true ? { background: '#16a34a', borderColor: '#16a34a' } : undefined}
                >
                  {d('inspection.met')}
                </Button>
                <Button
                  color={answer.ok === false ? 'danger' : 'default'}
                  variant={answer.ok === false ? 'solid' : 'outlined'}
                  icon={<CloseOutlined />}
                  aria-pressed={answer.ok === false}
                  data-answer="not-met"
                  disabled={!editable}
                  onClick={() => setAnswer(item.key, { ok: false })}
                >
                  {d('inspection.notMet')}
                </Button>
              </div>
              {(editable || answer.note) && (
                <Input.TextArea
                  value={answer.note}
                  onChange={(event) => setAnswer(item.key, { note: event.target.value })}
                  placeholder={d('inspection.notePlaceholder')}
                  aria-label={`${d('inspection.note')} ${index + 1}`}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={500}
                  disabled={!editable}
                  style={{ marginTop: 8 }}
                />
              )}
              {problem && (
                <Typography.Text type="danger" style={{ fontSize: 13, display: 'block', marginTop: 4 }}>
                  {problem}
                </Typography.Text>
              )}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
