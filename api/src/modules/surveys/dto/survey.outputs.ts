import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ResponseChannel } from '@lc/domain';
import { connectionTypes } from '../../../common/connection';
import { ResponseChannelEnum } from '../../satisfaction/satisfaction.enums';

@ObjectType({
  description:
    'a free-text answer (意见) of a survey response, for officials; never says who wrote it, whatever the survey',
})
export class SurveyComment {
  @Field(() => ID, { description: 'the answer' })
  id: number;

  @Field()
  text: string;

  @Field({ description: 'the question answered' })
  question: string;

  @Field({ description: 'the survey’s title' })
  surveyTitle: string;

  surveyId: number;
  centerId: number | null;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => ResponseChannelEnum)
  channel: ResponseChannel;

  @Field(() => Float, { nullable: true, description: 'the response’s score, 0–10' })
  score: number | null;
}

export const { EdgeType: SurveyCommentEdge, ConnectionType: SurveyCommentConnection } = connectionTypes(
  SurveyComment,
  'SurveyComment',
);

@ObjectType({ description: 'a problem with one row (or the header row) of an imported file' })
export class SurveyImportRowError {
  @Field(() => Int, { description: 'Excel row number (the header is row 1)' })
  row: number;

  @Field(() => String, { nullable: true, description: 'the column: the question’s text' })
  field: string | null;

  @Field()
  message: string;
}

@ObjectType({ description: 'the outcome of checking (dryRun) or importing a file of paper responses' })
export class SurveyResponsesImport {
  @Field()
  dryRun: boolean;

  @Field(() => Int, { description: 'data rows read (blank rows skipped)' })
  totalRows: number;

  @Field(() => [SurveyImportRowError], {
    description: 'every problem; any problem means nothing is imported',
  })
  errors: SurveyImportRowError[];

  @Field(() => Int, { description: 'responses stored by this call (0 for a dry run or with errors)' })
  importedCount: number;

  @Field(() => Int, {
    description:
      'rows already imported from this very file before (a repeated import does not count them twice)',
  })
  alreadyImportedCount: number;
}
