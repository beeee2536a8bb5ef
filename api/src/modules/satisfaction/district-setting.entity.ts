import { Column, Entity, PrimaryColumn } from 'typeorm';

const numeric = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** A district's settings for figures and evaluations; a district without a row uses the defaults
 * of @lc/domain. */
@Entity('district_setting')
export class DistrictSetting {
  @PrimaryColumn({ name: 'district_id', type: 'int' })
  districtId: number;

  /** a response is satisfied when its score is at least this (integer 0–10) */
  @Column({ name: 'satisfied_threshold', type: 'int' })
  satisfiedThreshold: number;

  /** 运营管理达标率: a center meets the target when its satisfied rate is at least this (0–1) */
  @Column({ name: 'compliance_target', type: 'numeric', transformer: numeric })
  complianceTarget: number;

  /** share of residents' satisfaction in a center's composite score (0–1) */
  @Column({ name: 'satisfaction_weight', type: 'numeric', transformer: numeric })
  satisfactionWeight: number;

  /** weight by dimension code; a missing dimension weighs 1 */
  @Column({ name: 'dimension_weights', type: 'jsonb' })
  dimensionWeights: Record<string, number>;

  /** indicator description by dimension code */
  @Column({ type: 'jsonb' })
  indicators: Record<string, string>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
