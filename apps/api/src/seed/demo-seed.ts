import type { DataSource } from 'typeorm';
import type { Role } from '@xiaoshi/contracts';
import type { Actor } from '../common/actor.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { OrgUnit } from '../modules/orgs/org-unit.entity.js';
import { passwordHasher } from '../modules/users/password-hasher.js';
import { User } from '../modules/users/user.entity.js';
import { DEMO_DISTRICT, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STREETS, DEMO_USERS } from './demo-org-units.js';

const SYSTEM: Actor = { user: null, requestId: 'seed', ip: '127.0.0.1' };

/** Seeds the demo district when the database holds no org units. Returns false if it was not empty. */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
  const audit = new AuditService(dataSource);
  return dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE org_unit IN EXCLUSIVE MODE');
    if ((await manager.count(OrgUnit)) > 0) return false;
    const save = (unit: Partial<OrgUnit>) => manager.save(manager.create(OrgUnit, { ...unit, isDemo: true }));
    const district = await save({ kind: 'district', name: DEMO_DISTRICT.name, code: DEMO_DISTRICT.code, ancestorIds: [] });
    for (const street of DEMO_STREETS) {
      const streetUnit = await save({
        kind: 'street',
        name: street.name,
        code: street.code,
        parentId: district.id,
        ancestorIds: [district.id],
      });
      let index = 0;
      for (const community of street.communities) {
        index += 1;
        await save({
          kind: 'community',
          name: `${community}社区`,
          code: `${street.code}-${index}`,
          parentId: streetUnit.id,
          ancestorIds: [district.id, streetUnit.id],
        });
      }
    }
    for (const organisation of DEMO_ORGANISATIONS) {
      await save({ kind: 'organisation', ...organisation, parentId: district.id, ancestorIds: [district.id] });
    }
    const units = new Map((await manager.find(OrgUnit)).map((unit) => [unit.code, unit.id]));
    for (const demo of DEMO_USERS) {
      await manager.save(
        manager.create(User, {
          username: demo.username,
          displayName: demo.displayName,
          passwordHash,
          unitId: units.get(demo.unit)!,
          roles: [...demo.roles] as Role[],
          isDemo: true,
        }),
      );
    }
    await audit.record(manager, SYSTEM, {
      action: 'seed.demo_data',
      entityType: 'org_unit',
      entityId: district.id,
      after: { streets: DEMO_STREETS.length, communities: DEMO_STREETS.flatMap((s) => s.communities).length, users: DEMO_USERS.length },
    });
    return true;
  });
}
