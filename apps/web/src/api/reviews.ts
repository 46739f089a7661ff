import type {
  AssignmentPreview,
  AutoAssignRequest,
  ConflictView,
  DeclareConflictRequest,
  ManualAssignRequest,
  PanelDrawRequest,
  PanelRequest,
  PanelView,
  PinConflictRequest,
  RankingRowView,
  ReviewerPoolMemberView,
  ReviewerProfileRequest,
  ReviewerZScoresView,
  ReviewProgressView,
  ReviewSheetView,
  ReviewTaskView,
  ScoreSheetDraftRequest,
} from '@xiaoshi/contracts';
import { api, apiDownload } from './client';

export type ReviewExport = 'score-matrix' | 'ranking' | 'summary';

export const reviewsApi = {
  pool: (signal?: AbortSignal) => api<ReviewerPoolMemberView[]>('/api/reviewers', { signal }),
  setProfile: (userId: number, body: ReviewerProfileRequest) =>
    api<ReviewerPoolMemberView>(`/api/reviewers/${userId}/profile`, { method: 'PUT', body }),
  panel: (competitionId: number, signal?: AbortSignal) =>
    api<PanelView>(`/api/competitions/${competitionId}/panel`, { signal }),
  setPanel: (competitionId: number, body: PanelRequest) =>
    api<PanelView>(`/api/competitions/${competitionId}/panel`, { method: 'PUT', body }),
  draw: (competitionId: number, body: PanelDrawRequest) =>
    api<PanelView>(`/api/competitions/${competitionId}/panel/draw`, { method: 'POST', body }),
  conflicts: (competitionId: number, signal?: AbortSignal) =>
    api<ConflictView[]>(`/api/competitions/${competitionId}/conflicts`, { signal }),
  pinConflict: (competitionId: number, body: PinConflictRequest) =>
    api<ConflictView[]>(`/api/competitions/${competitionId}/conflicts`, { method: 'POST', body }),
  preview: (competitionId: number, body: AutoAssignRequest) =>
    api<AssignmentPreview>(`/api/competitions/${competitionId}/assignments/preview`, {
      method: 'POST',
      body,
    }),
  autoAssign: (competitionId: number, body: AutoAssignRequest) =>
    api<AssignmentPreview>(`/api/competitions/${competitionId}/assignments/auto`, { method: 'POST', body }),
  assign: (competitionId: number, body: ManualAssignRequest) =>
    api<void>(`/api/competitions/${competitionId}/assignments`, { method: 'POST', body }),
  ranking: (competitionId: number, signal?: AbortSignal) =>
    api<RankingRowView[]>(`/api/competitions/${competitionId}/ranking`, { signal }),
  progress: (competitionId: number, signal?: AbortSignal) =>
    api<ReviewProgressView>(`/api/competitions/${competitionId}/review-progress`, { signal }),
  zScores: (competitionId: number, signal?: AbortSignal) =>
    api<ReviewerZScoresView>(`/api/competitions/${competitionId}/z-scores`, { signal }),
  exportFile: (competitionId: number, kind: ReviewExport) =>
    apiDownload(`/api/competitions/${competitionId}/exports/${kind}`),
  reopen: (sheetId: number, reason: string) =>
    api<void>(`/api/score-sheets/${sheetId}/reopen`, { method: 'POST', body: { reason } }),

  // The reviewer's own workspace.
  myTasks: (signal?: AbortSignal) => api<ReviewTaskView[]>('/api/reviews/my', { signal }),
  sheet: (assignmentId: number, signal?: AbortSignal) =>
    api<ReviewSheetView>(`/api/reviews/assignments/${assignmentId}`, { signal }),
  saveSheet: (assignmentId: number, body: ScoreSheetDraftRequest) =>
    api<ReviewSheetView>(`/api/reviews/assignments/${assignmentId}/sheet`, { method: 'PUT', body }),
  submitSheet: (assignmentId: number, version: number) =>
    api<ReviewSheetView>(`/api/reviews/assignments/${assignmentId}/sheet/submit`, {
      method: 'POST',
      body: { version },
    }),
  declareConflict: (assignmentId: number, body: DeclareConflictRequest) =>
    api<void>(`/api/reviews/assignments/${assignmentId}/declare-conflict`, { method: 'POST', body }),
};
