import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Region } from '@app/identity';
import type {
  Answers,
  ApplicationFeedback,
  ApplicationStatus,
  Eligibility,
  EligibilityOverride,
  ReplyDecision,
} from '../domain/application';

@Entity('applications')
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column('text')
  region: Region;

  @Column('text')
  status: ApplicationStatus;

  @Column('jsonb')
  answers: Answers;

  @Column({ type: 'jsonb', nullable: true })
  eligibility: Eligibility | null;

  @Column({ name: 'eligibility_override', type: 'jsonb', nullable: true })
  eligibilityOverride: EligibilityOverride | null;

  @Column({ name: 'reply_decision', type: 'jsonb', nullable: true })
  replyDecision: ReplyDecision | null;

  @Column({ name: 'session_preferences', type: 'text', array: true })
  sessionPreferences: string[];

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  /** The member of the organisation who submitted it. */
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy?: string | null;

  /** Written once, by publication. */
  @Column({ type: 'jsonb', nullable: true, update: false })
  feedback: ApplicationFeedback | null;

  @Column('integer')
  version: number;

  @Column({ name: 'answers_version', type: 'integer', nullable: true })
  answersVersion: number | null;

  @Column({ name: 'created_by', type: 'uuid', update: false })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt: Date;
}

@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column('text')
  kind: string;

  @Column('text')
  filename: string;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType: string;

  @Column('integer')
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** The bytes, when kept in PostgreSQL (DOCUMENT_STORAGE=postgres); else null and `storageKey` set. */
  @Column({ type: 'bytea', select: false, nullable: true })
  content: Buffer | null;

  /** The object's key in the object store (DOCUMENT_STORAGE=s3); null while the bytes are in `content`. */
  @Column({ name: 'storage_key', type: 'text', select: false, nullable: true })
  storageKey: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
