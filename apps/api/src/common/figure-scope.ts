/**
 * Where dashboard figures are computed (apps/api/src/modules/dashboards): the programmes of one
 * year of one district, the whole district or one of its streets, optionally one competition.
 * The dashboards module resolves it from the signed-in user through AccessService; the figure
 * services of the source modules (`*-figures.service.ts`) only apply it.
 */
export interface FigureScope {
  year: number;
  /** The district that owns the programmes (their `unit_id`). */
  districtId: number;
  /** Only rows of this street (applications, projects, payments to it, stipends of its people). */
  streetId: number | null;
  /** Only this competition's applications and projects (the funnel of one call). */
  competitionId: number | null;
}
