import type { StipendPersonView } from '@xiaoshi/contracts';
import { maskBankAccount, maskNationalId, maskPhone } from '@xiaoshi/domain';
import type { PersonRecord } from './roster.repository.js';
import { personalData } from './stipend-common.js';
import type { StipendPerson } from './stipend-person.entity.js';

/**
 * A roster person as every role sees them: ID number, bank account and phone masked, birth date
 * withheld (with the masked ID it would give the number away). The clear values are an audited
 * reveal of one person (StipendPersonalDataService), and the bank payroll file.
 */
export function personView(record: PersonRecord): StipendPersonView {
  const show = personalData(false);
  return {
    id: record.id,
    programmeId: record.programmeId,
    name: record.name,
    nationalId: show.nationalId(record.nationalId),
    birthDate: null,
    sex: record.sex,
    street: record.street,
    community: record.community,
    departureDate: record.departureDate,
    normalDeparture: record.normalDeparture,
    eligibleFrom: record.eligibleFrom,
    monthlyRateFen: record.monthlyRateFen,
    bankName: record.bankName,
    bankAccount: show.bankAccount(record.bankAccount),
    status: record.status,
    deathDate: record.deathDate,
    removedOn: record.removedOn,
    removalReason: record.removalReason,
    building: record.building ? { ...record.building, phone: maskPhone(record.building.phone) ?? '' } : null,
    isDemo: record.isDemo,
    version: record.version,
  };
}

/** What the audit log keeps of a person: never the ID number or the account in clear. */
export function auditedPerson(person: StipendPerson) {
  return {
    id: person.id,
    programmeId: person.programmeId,
    name: person.name,
    nationalId: maskNationalId(person.nationalId),
    communityId: person.communityId,
    departureDate: person.departureDate,
    normalDeparture: person.normalDeparture,
    eligibleFrom: person.eligibleFrom,
    monthlyRateFen: person.monthlyRateFen,
    bankName: person.bankName,
    bankAccount: maskBankAccount(person.bankAccount),
    status: person.status,
    deathDate: person.deathDate,
    removedOn: person.removedOn,
    removalReason: person.removalReason,
  };
}
