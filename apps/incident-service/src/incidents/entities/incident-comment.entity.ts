import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CommentVisibility = 'public' | 'work_note';

/** A public reply (seen by the caller) or a private work note (IT staff only). */
@Entity({ name: 'incident_comment' })
export class IncidentCommentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  incidentId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  visibility: CommentVisibility;

  @Column('text')
  body: string;

  /** Set when the reply quotes an earlier comment (e-mail style). */
  @Column('uuid', { nullable: true })
  quotedCommentId: string | null;

  @Column('timestamptz')
  createdAt: Date;
}
