import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { wan, yuan } from '../lib/money';

interface Props {
  fen: number;
  /** Also show the amount in 万元 (budget documents count in 万元). */
  showWan?: boolean;
  /** Put the 万元 figure on its own line (narrow table cells). */
  stacked?: boolean;
  strong?: boolean;
  type?: 'secondary' | 'success' | 'warning' | 'danger';
  style?: CSSProperties;
}

/** An amount in 元 with two decimals, tabular figures, optionally with its 万元 equivalent. */
export function Money({ fen, showWan, stacked, strong, type, style }: Props) {
  return (
    <span className="xs-money" style={style}>
      <Typography.Text strong={strong} type={type}>
        {yuan(fen)}
      </Typography.Text>
      {showWan && (
        <Typography.Text type="secondary" className={stacked ? 'xs-money-wan-block' : 'xs-money-wan'}>
          {stacked ? wan(fen) : `（${wan(fen)}）`}
        </Typography.Text>
      )}
    </span>
  );
}
