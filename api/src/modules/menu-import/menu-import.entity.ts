import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ServiceMenu } from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { ServiceMenuEnum } from '../services/service-item.entity';
import type { PlannedRow, RowError } from './menu-import.plan';

export const MENU_IMPORT_STATUSES = ['PREVIEWED', 'APPLYING', 'APPLIED', 'FAILED'] as const;
export type MenuImportStatus = (typeof MENU_IMPORT_STATUSES)[number];
export const MenuImportStatusEnum = enumObject(MENU_IMPORT_STATUSES);
registerEnumType(MenuImportStatusEnum, {
  name: 'MenuImportStatus',
  description:
    'PREVIEWED: parsed and checked; APPLYING: being written; APPLIED: written; FAILED: the write failed',
});

/** An Excel file imported into a menu: parsed and checked at preview, written at apply. */
@ObjectType({
  description:
    'an Excel import of a service menu: previewed (every bad row listed), then applied in one transaction',
})
@Entity('menu_import')
export class MenuImport {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ServiceMenuEnum)
  @Column({ type: 'text' })
  menu: ServiceMenu;

  /** the district (DISTRICT, MOBILE) or street (STREET_FEATURE) whose menu it is */
  @Column({ name: 'owner_region_id', type: 'int' })
  ownerRegionId: number;

  /** who previewed it */
  @Column({ name: 'actor_id', type: 'int' })
  actorId: number;

  @Field()
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** exposed through a field resolver (an apply running in this process shows as APPLYING) */
  @Column({ type: 'text' })
  status: MenuImportStatus;

  @Field(() => Int, { description: 'non-empty data rows in the file' })
  @Column({ name: 'total_rows', type: 'int' })
  totalRows: number;

  /** the valid rows: what apply writes (large: not loaded unless asked for) */
  @Column({ name: 'rows', type: 'jsonb', select: false })
  plan?: PlannedRow[];

  /** every problem found at preview (large: not loaded unless asked for) */
  @Column({ name: 'errors', type: 'jsonb', select: false })
  rowErrors?: RowError[];

  @Field(() => Int, { description: 'items created by the apply' })
  @Column({ name: 'created_count', type: 'int', default: 0 })
  createdCount: number;

  @Field(() => Int, { description: 'items changed by the apply' })
  @Column({ name: 'updated_count', type: 'int', default: 0 })
  updatedCount: number;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt: Date | null;
}
