import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AssignmentSettings,
  CallKind,
  CallStatus,
  EligibilityRules,
  FinalRankingRule,
  QuestionType,
  ScoringSettings,
  SelectionConstraints,
} from '../domain/call';
import type { SessionAllocationRule } from '../domain/call-sessions';
import type { ExpertiseSettings } from '../domain/expertise-settings';

@Entity('calls')
export class CallEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: CallKind;

  @Column('text')
  reference: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  status: CallStatus;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ name: 'cohort_size', type: 'integer' })
  cohortSize: number;

  @Column({ name: 'evaluators_per_application', type: 'integer' })
  evaluatorsPerApplication: number;

  @Column('jsonb')
  eligibility: EligibilityRules;

  @Column('jsonb')
  selection: SelectionConstraints;

  @Column('jsonb')
  scoring: ScoringSettings;

  @Column('jsonb')
  assignment: AssignmentSettings;

  @Column({ name: 'final_ranking', type: 'jsonb' })
  finalRanking: FinalRankingRule;

  @Column({ name: 'session_allocation', type: 'jsonb', nullable: true })
  sessionAllocation: SessionAllocationRule | null;

  @Column('boolean')
  blind: boolean;

  @Column('jsonb')
  expertise: ExpertiseSettings;

  @Column('integer')
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt: Date;

  @OneToMany(() => CriterionEntity, (criterion) => criterion.call, { cascade: ['insert'] })
  criteria: CriterionEntity[];

  @OneToMany(() => QuestionEntity, (question) => question.call, { cascade: ['insert'] })
  questions: QuestionEntity[];
}

@Entity('criteria')
export class CriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => CallEntity, (call) => call.criteria, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call: CallEntity;

  @Column('text')
  code: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('double precision')
  weight: number;

  @Column('integer')
  position: number;

  /** The stage whose criterion it is (1..n). */
  @Column('integer')
  stage: number;
}

@Entity('call_stages')
export class CallStageEntity {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' })
  callId: string;

  @PrimaryColumn('integer')
  position: number;

  @Column('text')
  name: string;

  @Column('jsonb')
  scoring: ScoringSettings;

  @Column({ name: 'evaluators_per_application', type: 'integer' })
  evaluatorsPerApplication: number;

  @Column({ name: 'evaluation_due_at', type: 'timestamptz', nullable: true })
  evaluationDueAt: Date | null;

  @Column({ name: 'reminder_days_before', type: 'integer', array: true, nullable: true })
  reminderDaysBefore: number[] | null;

  @Column({ name: 'reminder_days_after', type: 'integer', array: true, nullable: true })
  reminderDaysAfter: number[] | null;
}

@Entity('questions')
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => CallEntity, (call) => call.questions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id' })
  call: CallEntity;

  @Column('text')
  key: string;

  @Column('text')
  label: string;

  @Column('text')
  type: QuestionType;

  @Column('boolean')
  required: boolean;

  @Column({ name: 'max_length', type: 'integer', nullable: true })
  maxLength: number | null;

  @Column({ type: 'jsonb', nullable: true })
  options: string[] | null;

  @Column({ name: 'min_count', type: 'integer', nullable: true })
  minCount: number | null;

  @Column({ name: 'max_count', type: 'integer', nullable: true })
  maxCount: number | null;

  @Column('integer')
  position: number;
}
