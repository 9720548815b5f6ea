import type { ApprovalPolicy } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FormField } from '../domain/form-schema';

/** One fulfilment task a request for the item gets, in order. */
export interface TaskTemplate {
  titleJa: string;
  titleEn: string;
}

/** Something employees can ask for: its form, who approves it and who fulfils it. */
@Entity({ name: 'catalog_item' })
export class CatalogItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Stable, URL-safe name (`password-reset`), usable in paths instead of the id. */
  @Column('text', { unique: true })
  code: string;

  @Column('text')
  nameJa: string;

  @Column('text')
  nameEn: string;

  @Column('text', { default: '' })
  descriptionJa: string;

  @Column('text', { default: '' })
  descriptionEn: string;

  @Column('text')
  category: string;

  @Column('jsonb', { default: () => "'[]'" })
  formSchema: FormField[];

  @Column('text')
  approvalPolicy: ApprovalPolicy;

  /** The approving group (policy `group`), by id or, resolved through the directory at submission, by name. */
  @Column('uuid', { nullable: true })
  approvalGroupId: string | null;

  @Column('text', { nullable: true })
  approvalGroupName: string | null;

  /** The fulfilling group, by id or by name (resolved like routing does); else the service desk. */
  @Column('uuid', { nullable: true })
  fulfilmentGroupId: string | null;

  @Column('text', { nullable: true })
  fulfilmentGroupName: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  taskTemplates: TaskTemplate[];

  @Column('boolean', { default: true })
  active: boolean;

  @Column('integer', { default: 0 })
  sortOrder: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  @Column('integer')
  version: number;
}
