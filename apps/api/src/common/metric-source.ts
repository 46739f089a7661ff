import { SetMetadata } from '@nestjs/common';

/**
 * The contract between the performance module (绩效目标表, which binds indicators to live figures)
 * and the modules that know those figures. A module publishes its figures by declaring a provider
 * class marked `@MetricSource()` that implements `MetricSourceProvider`; the performance module
 * discovers every such provider at boot. Dependencies stay one way: no source module imports the
 * performance module, and the performance module never reads another module's tables.
 */
export const METRIC_SOURCE = 'xiaoshi:metric-source';

/** Marks an injectable provider class as a publisher of metrics. */
export const MetricSource = (): ClassDecorator => SetMetadata(METRIC_SOURCE, true);

/** Where and when a figure is computed. */
export interface MetricScope {
  /** Year of the target table (calendar year, Asia/Shanghai). */
  year: number;
  /** The figure covers this org unit's subtree (a district, or a street for a street's view). */
  unitId: number;
  /** The budget line the indicator belongs to, when the figure depends on it. */
  budgetLineId: number | null;
}

/**
 * `count` and `people` are plain numbers, `fen` is money in integer fen, `percent` is 0–100 (and
 * then numerator/denominator say how it was reached).
 */
export type MetricUnit = 'count' | 'people' | 'fen' | 'percent';

/** One row behind a figure: the drill-down that shows how the value was computed. */
export interface MetricRow {
  /** Stable id of the underlying record, e.g. 'project:12', 'community:40'. */
  ref: string;
  label: string;
  /** The org unit (community / street) the row belongs to, when it has one. */
  unitName: string | null;
  /** This row's contribution, in the metric's unit (fen for money, 1 for a counted item). */
  value: number;
  /** A portal path where the record can be opened, e.g. '/projects/12'. */
  href: string | null;
}

export interface MetricValue {
  value: number;
  numerator?: number;
  denominator?: number;
  /** The rows behind the value (at most `limit` of them; `rowCount` says how many exist). */
  rows: MetricRow[];
  rowCount: number;
}

export interface MetricDefinition {
  /** Stable key stored on indicator bindings, e.g. 'delivery.projects_accepted'. */
  key: string;
  name: { zh: string; en: string };
  /** How it is computed, shown next to the value. */
  description: { zh: string; en: string };
  unit: MetricUnit;
  /** Whether the figure needs `scope.budgetLineId`. */
  perBudgetLine: boolean;
  compute(scope: MetricScope, limit: number): Promise<MetricValue>;
}

export interface MetricSourceProvider {
  metrics(): readonly MetricDefinition[];
}
