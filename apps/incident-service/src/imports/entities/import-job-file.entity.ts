import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The uploaded file of a job that has not finished (a restarted service resumes from it). */
@Entity({ name: 'import_job_file' })
export class ImportJobFileEntity {
  @PrimaryColumn('uuid')
  jobId: string;

  @Column('bytea')
  content: Buffer;
}
