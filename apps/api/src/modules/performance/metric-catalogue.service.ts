import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { IndicatorBinding, MetricCatalogueEntry, MetricRowView, TermActual } from '@xiaoshi/contracts';
import { type CombinedValue, type TermValue, combineTerms, metricValueInUnit } from '@xiaoshi/domain';
import {
  METRIC_SOURCE,
  type MetricDefinition,
  type MetricSourceProvider,
  type MetricValue,
} from '../../common/metric-source.js';

/** Where a table's figures are computed: its year, the viewer's unit and the table's lines. */
export interface MetricContext {
  year: number;
  unitId: number;
  lines: ReadonlyArray<{ id: number; name: string }>;
}

export type TermResult = TermActual & { rows: MetricRowView[] };

export interface BindingResult {
  terms: TermResult[];
  combined: CombinedValue;
  /** The combined value in the indicator's unit. */
  actual: number | null;
}

/** Rows fetched for a union: all of them at district scale (a district has hundreds of communities). */
const UNION_LIMIT = 20_000;

/**
 * Every metric published by a provider marked `@MetricSource()` (apps/api/src/common/metric-source.ts),
 * found once through Nest's DiscoveryService: a module that starts publishing a metric needs no
 * change here. Also evaluates an indicator's binding against the catalogue.
 */
@Injectable()
export class MetricCatalogue {
  private readonly logger = new Logger(MetricCatalogue.name);
  private definitions: Map<string, MetricDefinition> | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  private load(): Map<string, MetricDefinition> {
    if (this.definitions) return this.definitions;
    const found = new Map<string, MetricDefinition>();
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || typeof metatype !== 'function' || seen.has(instance)) continue;
      if (!this.reflector.get<boolean | undefined>(METRIC_SOURCE, metatype)) continue;
      seen.add(instance);
      for (const definition of (instance as MetricSourceProvider).metrics()) {
        if (found.has(definition.key)) throw new Error(`metric ${definition.key} is published twice`);
        found.set(definition.key, definition);
      }
    }
    this.definitions = found;
    return found;
  }

  list(): MetricCatalogueEntry[] {
    return [...this.load().values()]
      .map(({ key, name, description, unit, perBudgetLine }) => ({
        key,
        name,
        description,
        unit,
        perBudgetLine,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  get(key: string): MetricDefinition | undefined {
    return this.load().get(key);
  }

  private async computeSafely(
    definition: MetricDefinition,
    scope: { year: number; unitId: number; budgetLineId: number | null },
    limit: number,
  ): Promise<MetricValue | null> {
    try {
      return await definition.compute(scope, limit);
    } catch (error) {
      // One module's failing figure must not take the whole table down; it shows as unavailable.
      this.logger.error(`metric ${definition.key} failed: ${(error as Error).message}`);
      return null;
    }
  }

  /**
   * Computes every term of a metric binding (a term on 'table' once per line of the table) and
   * combines them. `rowsLimit` rows per term are returned for the drill-down.
   */
  async evaluate(
    binding: Extract<IndicatorBinding, { kind: 'metric' }>,
    context: MetricContext,
    indicatorUnit: string,
    rowsLimit = 0,
  ): Promise<BindingResult> {
    const union = binding.combine === 'union';
    const jobs = binding.terms.flatMap((term) => {
      const lines =
        term.budgetLineId === 'table'
          ? context.lines
          : term.budgetLineId === null
            ? [null]
            : [
                context.lines.find((line) => line.id === term.budgetLineId) ?? {
                  id: term.budgetLineId,
                  name: '',
                },
              ];
      return lines.map((line) => ({ term, line }));
    });
    const computed = await Promise.all(
      jobs.map(async ({ term, line }) => {
        const definition = this.get(term.metric);
        const value = definition
          ? await this.computeSafely(
              definition,
              { year: context.year, unitId: context.unitId, budgetLineId: line?.id ?? null },
              union ? UNION_LIMIT : rowsLimit,
            )
          : null;
        return { term, line, definition, value };
      }),
    );
    const terms: TermResult[] = computed.map(({ term, line, definition, value }) => ({
      metric: term.metric,
      name: definition?.name ?? null,
      unit: definition?.unit ?? null,
      budgetLine: line,
      available: !!definition && value !== null,
      value: value?.value ?? null,
      numerator: value?.numerator ?? null,
      denominator: value?.denominator ?? null,
      rowCount: value?.rowCount ?? 0,
      rows: (value?.rows ?? []).slice(0, rowsLimit),
    }));
    const usable = computed.filter((entry) => entry.definition && entry.value);
    const values: TermValue[] = usable.map(({ definition, value }) => ({
      unit: definition!.unit,
      value: value!.value,
      numerator: value!.numerator,
      denominator: value!.denominator,
      refs: value!.rows.map((row) => row.ref),
      complete: value!.rows.length >= value!.rowCount,
    }));
    const combined =
      usable.length === computed.length
        ? combineTerms(values, binding.combine)
        : { ...combineTerms(values, binding.combine), value: null, problem: 'metric_unavailable' as const };
    return { terms, combined, actual: metricValueInUnit(combined.unit, combined.value, indicatorUnit) };
  }
}
