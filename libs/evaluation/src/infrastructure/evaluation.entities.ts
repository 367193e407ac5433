import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentStatus, Confidence } from '../domain/evaluation';

@Entity('panel_members')
export class PanelMemberEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @PrimaryColumn({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @Column({ name: 'added_at', type: 'timestamptz', insert: false, update: false })
  addedAt: Date;
}

@Entity('conflicts')
export class ConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column('text')
  reason: string;

  @Column('text')
  source: 'declared' | 'automatic';

  @Column({ name: 'declared_by', type: 'uuid' })
  declaredBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}

@Entity('assignments')
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'call_id', type: 'uuid' })
  callId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @Column('integer')
  stage: number;

  @Column('text')
  status: AssignmentStatus;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  @Column({ name: 'overall_comment', type: 'text', nullable: true })
  overallComment: string | null;

  @Column({ type: 'text', nullable: true })
  confidence: Confidence | null;

  @Column({ type: 'double precision', nullable: true })
  affinity: number | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt: Date;
}

@Entity('criterion_scores')
export class CriterionScoreEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @PrimaryColumn({ name: 'criterion_code', type: 'text' })
  criterionCode: string;

  @Column('integer')
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
