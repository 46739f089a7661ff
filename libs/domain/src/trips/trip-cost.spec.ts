import { DEMO_TRAINING_NORMS, checkActualCosts, estimateTripCost, tripDays } from './trip-cost.js';

describe('study trips: the cost estimate from the norm table', () => {
  it('counts both ends of the trip', () => {
    expect(tripDays('2026-05-11', '2026-05-13')).toBe(3);
    expect(tripDays('2026-05-11', '2026-05-11')).toBe(1);
    expect(tripDays('2026-02-27', '2026-03-02')).toBe(4);
    expect(tripDays('2026-05-13', '2026-05-11')).toBe(0);
  });

  it('is headcount × days × the category rate, plus inter-city travel per person', () => {
    const result = estimateTripCost({
      startDate: '2026-05-11',
      endDate: '2026-05-14',
      headcount: 12,
      perPersonPerDayFen: 40_000,
      travelPerPersonFen: 80_000,
    });
    expect(result).toEqual({
      ok: true,
      estimate: { days: 4, headcount: 12, perPersonPerDayFen: 40_000, normFen: 1_920_000, travelFen: 960_000, totalFen: 2_880_000 },
    });
  });

  it('names each field that prevents an estimate', () => {
    const result = estimateTripCost({ startDate: '2026-05-14', endDate: '2026-05-11', headcount: 0, perPersonPerDayFen: 0, travelPerPersonFen: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => v.field)).toEqual(['endDate', 'participants', 'category', 'travelPerPersonFen']);
  });

  it('ships illustrative demo norms, labelled 演示', () => {
    expect(DEMO_TRAINING_NORMS.every((norm) => norm.label.includes('演示'))).toBe(true);
  });
});

describe('study trips: the actual costs', () => {
  it('lets inter-city travel sit outside the norm ceiling for those who attended', () => {
    const result = checkActualCosts(
      [
        { kind: 'accommodation', amountFen: 1_000_000 },
        { kind: 'meals', amountFen: 400_000 },
        { kind: 'travel', amountFen: 900_000 },
      ],
      { attended: 10, days: 4, perPersonPerDayFen: 40_000 },
    );
    expect(result).toEqual({ totalFen: 2_300_000, trainingFen: 1_400_000, normCeilingFen: 1_600_000, violations: [] });
  });

  it('refuses training costs above the norm, empty lists, bad amounts and no attendance', () => {
    const over = checkActualCosts([{ kind: 'venue', amountFen: 1_600_001 }], { attended: 10, days: 4, perPersonPerDayFen: 40_000 });
    expect(over.violations.map((v) => v.code)).toEqual(['over_norm']);
    expect(checkActualCosts([], { attended: 1, days: 1, perPersonPerDayFen: 1 }).violations.map((v) => v.code)).toEqual(['required']);
    expect(checkActualCosts([{ kind: 'other', amountFen: 0 }], { attended: 1, days: 1, perPersonPerDayFen: 100 }).violations.map((v) => v.field)).toEqual([
      'items.0.amountFen',
    ]);
    expect(checkActualCosts([{ kind: 'other', amountFen: 5 }], { attended: 0, days: 1, perPersonPerDayFen: 100 }).violations.map((v) => v.code)).toEqual([
      'no_attendance',
    ]);
  });
});
