import type { CiState, CiType } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A configuration item: hardware, software, licence, SaaS account or business service. */
@Entity({ name: 'asset_ci' })
export class CiEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** CI-00042 */
  @Column('text')
  number: string;

  @Column('text')
  type: CiType;

  @Column('text')
  name: string;

  @Column('text')
  state: CiState;

  @Column('text', { nullable: true })
  assetTag: string | null;

  @Column('text', { nullable: true })
  serialNumber: string | null;

  @Column('text', { nullable: true })
  model: string | null;

  @Column('text', { nullable: true })
  manufacturer: string | null;

  /** YYYY-MM-DD */
  @Column('date', { nullable: true })
  purchaseDate: string | null;

  /** Decimal text as PostgreSQL returns numeric (no float rounding), e.g. "189000.00". */
  @Column('numeric', { nullable: true, precision: 14, scale: 2 })
  purchaseCost: string | null;

  @Column('date', { nullable: true })
  warrantyEnd: string | null;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text', { nullable: true })
  os: string | null;

  @Column('text', { nullable: true })
  ipAddress: string | null;

  @Column('text', { nullable: true })
  macAddress: string | null;

  /** Licences: seats bought. */
  @Column('integer', { nullable: true })
  seatsOwned: number | null;

  @Column('date', { nullable: true })
  licenceExpiresOn: string | null;

  /** Installations and SaaS accounts: the licence whose seat they use. */
  @Column('uuid', { nullable: true })
  licenceId: string | null;

  @Column('uuid', { nullable: true })
  assignedToId: string | null;

  @Column('text', { nullable: true })
  assignedToName: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('timestamptz', { nullable: true })
  assignedAt: Date | null;

  /** Custom attributes, per the type's attribute definitions (asset_attribute_definition). */
  @Column('jsonb')
  attributes: Record<string, string | number | boolean>;

  @Column('text')
  createdById: string;

  @Column('integer')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
