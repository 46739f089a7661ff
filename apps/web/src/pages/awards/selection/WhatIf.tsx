import { ReloadOutlined } from '@ant-design/icons';
import type { CompetitionView, SelectionView } from '@xiaoshi/contracts';
import { Button, Card, Col, Flex, InputNumber, Row, Slider, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type SelectionParams } from '../../../api/awards';
import { wan, yuan } from '../../../lib/money';
import { awardText } from '../text';

export function WhatIf({
  view,
  competition,
  params,
  onChange,
  loading,
}: {
  view: SelectionView;
  competition: CompetitionView;
  params: SelectionParams;
  onChange: (params: SelectionParams) => void;
  loading: boolean;
}) {
  const a = awardText.useT();
  // The slider moves in whole 元 and only asks the server when it is let go.
  const [envelopeYuan, setEnvelopeYuan] = useState(Math.round(view.envelopeFen / 100));
  useEffect(() => setEnvelopeYuan(Math.round(view.envelopeFen / 100)), [view.envelopeFen]);
  const maxYuan = Math.max(Math.floor(view.lineAvailableFen / 100), 1);
  const commit = (yuanValue: number | null) => {
    if (!yuanValue || yuanValue < 1) return;
    const fen = Math.min(Math.round(yuanValue * 100), view.lineAvailableFen);
    onChange({ ...params, envelopeFen: fen === competition.envelopeFen ? undefined : fen });
  };
  return (
    <Card size="small" title={a('whatIf.title')} loading={false}>
      <Row gutter={[24, 12]} align="middle">
        <Col xs={24} lg={14}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('whatIf.envelope')}
          </Typography.Text>
          <Flex gap={12} align="center">
            <Slider
              min={1}
              max={maxYuan}
              step={100}
              value={envelopeYuan}
              onChange={setEnvelopeYuan}
              onChangeComplete={(value) => commit(value)}
              tooltip={{ formatter: (value) => (value === undefined ? '' : wan(value * 100)) }}
              style={{ flex: 1, minWidth: 120 }}
              aria-label={a('whatIf.envelope')}
            />
            <InputNumber<number>
              value={envelopeYuan}
              min={1}
              max={maxYuan}
              precision={0}
              onChange={(value) => value !== null && setEnvelopeYuan(value)}
              onBlur={() => commit(envelopeYuan)}
              onPressEnter={() => commit(envelopeYuan)}
              suffix="元"
              style={{ width: 170 }}
              data-testid="envelope-input"
              aria-label={a('whatIf.envelope')}
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('whatIf.envelopeHelp', {
              available: yuan(view.lineAvailableFen),
              default: yuan(competition.envelopeFen),
            })}
          </Typography.Text>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {a('whatIf.maxPerStreet')}
          </Typography.Text>
          <InputNumber<number>
            min={1}
            max={99}
            precision={0}
            placeholder={a('whatIf.noLimit')}
            value={params.maxPerStreet ?? view.maxPerStreet ?? null}
            onChange={(value) => onChange({ ...params, maxPerStreet: value ?? undefined })}
            style={{ width: '100%' }}
            aria-label={a('whatIf.maxPerStreet')}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a('whatIf.count', { min: view.minCount, max: view.maxCount })}
          </Typography.Text>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Flex gap={8} justify="flex-end" wrap>
            <Button icon={<ReloadOutlined />} loading={loading} onClick={() => onChange({})}>
              {a('whatIf.reset')}
            </Button>
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
