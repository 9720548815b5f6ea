import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RequestCommentVisibility = 'public' | 'work_note';

/** A public reply (the requester sees it) or a work note (IT staff only). */
@Entity({ name: 'service_request_comment' })
export class ServiceRequestCommentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  requestId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  visibility: RequestCommentVisibility;

  @Column('text')
  body: string;

  @Column('timestamptz')
  createdAt: Date;
}
