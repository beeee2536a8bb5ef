import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  EVALUATION_PHASES,
  EVALUATOR_KINDS,
  TRAINING_TRACKS,
  type Dimension,
  type EvaluationPhase,
  type EvaluatorKind,
  type TrainingTrack,
} from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { StoredFile } from '../../common/stored-file.entity';

export const EvaluationPhaseEnum = enumObject(EVALUATION_PHASES);
registerEnumType(EvaluationPhaseEnum, { name: 'EvaluationPhase', description: '事前, 事中, 事后' });
export const EvaluatorKindEnum = enumObject(EVALUATOR_KINDS);
registerEnumType(EvaluatorKindEnum, { name: 'EvaluatorKind', description: '评估专家 or 体验官' });
export const TrainingTrackEnum = enumObject(TRAINING_TRACKS);
registerEnumType(TrainingTrackEnum, {
  name: 'TrainingTrack',
  description:
    '四维成长营: the four tracks of the quarterly training (治理创新, 服务专业, 规范运作, 品牌宣传)',
});

const numeric = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** 八度空间: an evaluation of a center on the eight dimensions at a phase. */
@ObjectType({ description: '八度空间: an evaluation of a center on the eight dimensions' })
@Entity('evaluation')
export class Evaluation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'center_id', type: 'int' })
  centerId: number;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Column({ name: 'evaluator_id', type: 'int', nullable: true })
  evaluatorId: number | null;

  @Field({ description: 'who evaluated (name as recorded)' })
  @Column({ name: 'evaluator_name', type: 'text' })
  evaluatorName: string;

  @Field(() => EvaluatorKindEnum)
  @Column({ name: 'evaluator_kind', type: 'text' })
  evaluatorKind: EvaluatorKind;

  @Field(() => EvaluationPhaseEnum)
  @Column({ type: 'text' })
  phase: EvaluationPhase;

  @Field({ description: 'the day of the evaluation (YYYY-MM-DD)' })
  @Column({ name: 'evaluated_on', type: 'date' })
  evaluatedOn: string;

  /** score 0–10 by dimension code */
  @Column({ type: 'jsonb' })
  scores: Record<Dimension, number>;

  @Field(() => Float, {
    description:
      '0–100: Σ weightᵢ × scoreᵢ / Σ weightᵢ × 10 over the eight dimensions, with the district’s dimension weights when it was recorded',
  })
  @Column({ type: 'numeric', transformer: numeric })
  total: number;

  /** unused: findings are kept one per row in evaluation_finding, each with its track */
  @Column({ name: 'findings', type: 'text', nullable: true })
  findingsText: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  suggestions: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'a finding of an evaluation, tagged with the training track it feeds' })
@Entity('evaluation_finding')
export class EvaluationFinding {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'evaluation_id', type: 'int' })
  evaluationId: number;

  @Field(() => TrainingTrackEnum)
  @Column({ type: 'text' })
  track: TrainingTrack;

  @Field()
  @Column({ type: 'text' })
  text: string;
}

@ObjectType({ description: 'a photo taken during an evaluation (content: evaluationPhotoContent)' })
@Entity('evaluation_photo')
export class EvaluationPhoto extends StoredFile {
  @Column({ name: 'evaluation_id', type: 'int' })
  evaluationId: number;
}
