import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  SurveyCode,
  type PublicSurveyView,
  type RespondentTokenView,
  type SurveyAnswerRequest,
} from '@xiaoshi/contracts';
import type { Actor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { Survey } from './surveys.entities.js';
import { SurveysRepository } from './surveys.repository.js';
import { hashToken, newSecret } from './surveys.service.js';

const isOpen = (survey: Survey, now: Date) =>
  survey.status === 'open' && (survey.closesAt === null || survey.closesAt.getTime() > now.getTime());

/**
 * The public side of a survey: no login. A phone opening an open link asks for a respondent token
 * (kept in the browser), an invitation link carries its own; a token answers once — the UNIQUE
 * index on survey_answer.token_id decides between concurrent submissions. Requests are throttled
 * per address by the route, and a survey takes at most `maxAnswersPerAddress` answers from one
 * address (stored as a salted hash, never in clear). Unknown codes and tokens are plain 404s.
 */
@Injectable()
export class SurveyAnswersService {
  constructor(
    private readonly repository: SurveysRepository,
    private readonly audit: AuditService,
  ) {}

  private async surveyOf(code: string): Promise<Survey> {
    if (!SurveyCode.safeParse(code).success) throw new DomainError('NOT_FOUND');
    const survey = await this.repository.byCode(code);
    if (!survey) throw new DomainError('NOT_FOUND');
    return survey;
  }

  async view(code: string, now = new Date()): Promise<PublicSurveyView> {
    const survey = await this.surveyOf(code);
    return {
      code: survey.code,
      title: survey.title,
      description: survey.description,
      subjectName: survey.subjectName,
      askGroup: survey.askGroup,
      open: isOpen(survey, now),
    };
  }

  async issueToken(code: string, now = new Date()): Promise<RespondentTokenView> {
    const survey = await this.surveyOf(code);
    if (!isOpen(survey, now)) throw new DomainError('SURVEY_CLOSED');
    const token = newSecret(32);
    await this.repository.transaction((manager) =>
      this.repository.insertTokens(manager, survey.id, [hashToken(token)], 'device'),
    );
    return { token };
  }

  async answer(
    code: string,
    body: SurveyAnswerRequest,
    actor: Actor,
    now = new Date(),
  ): Promise<{ ok: true }> {
    const survey = await this.surveyOf(code);
    if (!isOpen(survey, now)) throw new DomainError('SURVEY_CLOSED');
    const addressHash = createHash('sha256').update(`${survey.addressSalt}:${actor.ip}`).digest('hex');
    try {
      await this.repository.transaction(async (manager) => {
        const token = await this.repository.tokenOf(manager, survey.id, hashToken(body.token));
        if (!token) throw new DomainError('NOT_FOUND');
        const fromAddress = await this.repository.lockAndCountFromAddress(manager, survey.id, addressHash);
        if (fromAddress >= survey.maxAnswersPerAddress) throw new DomainError('SURVEY_ADDRESS_LIMIT');
        const answerId = await this.repository.insertAnswer(manager, {
          surveyId: survey.id,
          tokenId: token.id,
          choice: body.choice,
          respondentGroup: survey.askGroup ? body.group : null,
          comment: body.comment,
          addressHash,
        });
        await this.audit.record(manager, actor, {
          action: 'survey.answered',
          entityType: 'survey',
          entityId: survey.id,
          after: {
            answerId,
            tokenKind: token.kind,
            choice: body.choice,
            group: survey.askGroup ? body.group : null,
          },
        });
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw new DomainError('SURVEY_ALREADY_ANSWERED');
      throw error;
    }
    return { ok: true };
  }
}
