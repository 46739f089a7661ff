import { CreateCompetitionRequest, type CompetitionKind, type ProgrammeView } from '@xiaoshi/contracts';
import { Form, Input, Radio, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { competitionKindText } from '../../../i18n/enums';
import { parseYuan, wan, yuan } from '../../../lib/money';
import { flattenLines } from '../../budgets/useBudgets';
import { competitionsText } from '../text';
import { useZodRules, yuanOptions } from '../../../lib/zod-form';

interface Props {
  programmes: ProgrammeView[];
  editing: boolean;
  /** The competition's own envelope on its line (editing): it is part of the room it may use. */
  ownEnvelopeFen: number;
  ownLineId?: number;
  onKindChange: (kind: CompetitionKind) => void;
}

/** Step 1: the budget line (with what it can still give), the kind, the title and the envelope. */
export function BasicsStep({ programmes, editing, ownEnvelopeFen, ownLineId, onKindChange }: Props) {
  const t = competitionsText.useT();
  const form = Form.useFormInstance();
  const rules = useZodRules(CreateCompetitionRequest);
  const lines = useMemo(() => flattenLines(programmes), [programmes]);
  const lineId = Form.useWatch('budgetLineId', form) as number | undefined;
  const line = lines.find((candidate) => candidate.id === lineId);
  const room = line ? line.ledger.unreservedFen + (line.id === ownLineId ? ownEnvelopeFen : 0) : null;

  return (
    <>
      <Form.Item
        name="budgetLineId"
        label={t('field.budgetLine')}
        rules={rules('budgetLineId', { required: t('lineRequired') })}
        extra={
          line && room !== null ? (
            <span data-testid="line-room">{t('lineRoom', { yuan: yuan(room), wan: wan(room) })}</span>
          ) : (
            t('lineHelp')
          )
        }
      >
        <Select<number>
          disabled={editing}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('linePlaceholder')}
          options={programmes.map((programme) => ({
            label: `${programme.year} · ${programme.name}`,
            title: programme.name,
            options: programme.lines.map((candidate) => ({
              value: candidate.id,
              label: candidate.name,
              unreserved: candidate.ledger.unreservedFen,
            })),
          }))}
          optionRender={(option) => (
            <div>
              <div>{option.label}</div>
              {typeof option.data.unreserved === 'number' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('unreservedOption', { amount: yuan(option.data.unreserved) })}
                </Typography.Text>
              )}
            </div>
          )}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('field.kind')} rules={rules('kind')}>
        <Radio.Group
          disabled={editing}
          optionType="button"
          onChange={(event) => onKindChange(event.target.value as CompetitionKind)}
          options={competitionKindText.options()}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('field.title')}
        rules={rules('title', { required: t('titleRequired') })}
      >
        <Input maxLength={120} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('field.description')} rules={rules('description')}>
        <Input.TextArea rows={4} maxLength={5000} placeholder={t('descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="envelope"
        label={t('field.envelope')}
        dependencies={['budgetLineId']}
        extra={t('envelopeHelp')}
        rules={[
          ...rules('envelopeFen', yuanOptions()),
          {
            validator: (_, value?: string) => {
              const fen = parseYuan(value);
              return room !== null && fen !== null && !Number.isNaN(fen) && fen > room
                ? Promise.reject(new Error(t('envelopeOverRoom', { amount: yuan(room) })))
                : Promise.resolve();
            },
          },
        ]}
      >
        <Input suffix="元" inputMode="decimal" style={{ maxWidth: 260 }} />
      </Form.Item>
    </>
  );
}
