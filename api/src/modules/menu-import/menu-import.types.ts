import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ServiceCategory, ServiceMenu } from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { ServiceCategoryEnum, ServiceMenuEnum } from '../services/service-item.entity';

export const ImportRowActionEnum = enumObject(['CREATE', 'UPDATE', 'UNCHANGED'] as const);
registerEnumType(ImportRowActionEnum, {
  name: 'ImportRowAction',
  description: 'what applying a row does: create an item, change one, or nothing (same values)',
});

@ObjectType({ description: 'a file to save: an Excel workbook, base64-encoded' })
export class FileDownload {
  @Field()
  fileName: string;

  @Field()
  mimeType: string;

  @Field()
  contentBase64: string;
}

@ObjectType({ description: 'a problem with one row of an imported file' })
export class ImportRowError {
  @Field(() => Int, { description: 'Excel row number (the header is row 1)' })
  row: number;

  @Field(() => String, {
    nullable: true,
    description: 'the column: Chinese header and field code, e.g. "类别 (category)"',
  })
  field: string | null;

  @Field()
  message: string;
}

@ObjectType({ description: 'a valid row of an imported file and what applying it does' })
export class ImportRowPreview {
  @Field(() => Int, { description: 'Excel row number (the header is row 1)' })
  row: number;

  @Field(() => String, { nullable: true, description: 'code of the existing item the row changes' })
  code: string | null;

  @Field()
  name: string;

  @Field(() => ServiceCategoryEnum)
  category: ServiceCategory;

  @Field(() => ImportRowActionEnum)
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED';
}

@InputType()
export class PreviewMenuImportInput {
  @Field(() => ServiceMenuEnum)
  menu: ServiceMenu;

  @Field(() => ID, {
    description: 'the owner: the district for DISTRICT and MOBILE, the street for STREET_FEATURE',
  })
  regionId: string;

  @Field()
  fileName: string;

  @Field({ description: 'the .xlsx file, base64 (at most 5 MB before encoding)' })
  contentBase64: string;
}
