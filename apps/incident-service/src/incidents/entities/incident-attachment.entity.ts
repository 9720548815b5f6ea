import { Column, Entity, PrimaryColumn } from 'typeorm';

/** File metadata; the bytes live in incident_attachment_content so lists never load them. */
@Entity({ name: 'incident_attachment' })
export class IncidentAttachmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  incidentId: string;

  @Column('uuid', { nullable: true })
  commentId: string | null;

  @Column('text')
  fileName: string;

  @Column('text')
  contentType: string;

  @Column('integer')
  sizeBytes: number;

  @Column('text')
  sha256: string;

  /** Copied from the comment it belongs to: work-note files are hidden from employees too. */
  @Column('text', { default: 'public' })
  visibility: 'public' | 'work_note';

  @Column('uuid')
  uploadedById: string;

  @Column('timestamptz')
  createdAt: Date;
}

@Entity({ name: 'incident_attachment_content' })
export class IncidentAttachmentContentEntity {
  @PrimaryColumn('uuid')
  attachmentId: string;

  @Column('bytea')
  content: Buffer;
}
