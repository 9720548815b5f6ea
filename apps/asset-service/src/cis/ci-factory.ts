import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { nextCiNumber } from './ci-number';
import { CiEntity } from './entities/ci.entity';

/**
 * A new CI row from checkCiInput's create value (licenceId already resolved to the licence's UUID), with
 * its id and number; CiWriter.commit sets version and times when it writes it.
 */
export async function newCiEntity(manager: EntityManager, value: Partial<CiEntity>, createdById: string): Promise<CiEntity> {
  return Object.assign(new CiEntity(), {
    assignedToId: null,
    assignedToName: null,
    department: null,
    assignedAt: null,
    attributes: {},
    ...value,
    id: randomUUID(),
    number: await nextCiNumber(manager),
    createdById,
  });
}
