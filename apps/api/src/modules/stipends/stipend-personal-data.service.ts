import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type StipendPersonSecretsView } from '@xiaoshi/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { RosterRepository } from './roster.repository.js';

/**
 * Roster views mask 身份证号, bank accounts and phones for every role. District admins and
 * finance may reveal one person at a time; each reveal is audited in its own transaction (who,
 * whom, when, which fields) before the values leave the server.
 */
@Injectable()
export class StipendPersonalDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: RosterRepository,
  ) {}

  async reveal(actor: AuthenticatedActor, personId: number): Promise<StipendPersonSecretsView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(
        actor.user,
        'stipends.reveal',
        'stipend_person',
        'community_id',
        [personId],
        manager,
      );
      const person = await this.repository.find(manager, personId);
      if (!person) throw new DomainError('NOT_FOUND');
      const facts = (await this.repository.factsOf(manager, [personId])).get(personId) ?? null;
      const revealed = ['nationalId', 'birthDate', 'bankAccount', ...(facts ? ['phone'] : [])];
      await this.audit.record(manager, actor, {
        action: 'stipend_person.reveal',
        entityType: 'stipend_person',
        entityId: personId,
        after: { fields: revealed, programmeId: person.programmeId, name: person.name },
      });
      return {
        personId,
        name: person.name,
        nationalId: person.nationalId,
        birthDate: person.birthDate,
        bankName: person.bankName,
        bankAccount: person.bankAccount,
        phone: facts?.phone ?? null,
      };
    });
  }
}
