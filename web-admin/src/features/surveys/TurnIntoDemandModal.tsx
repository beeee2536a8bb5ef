// 转为需求: a resident's comment becomes a demand of a community (source 问卷意见) in one step:
// a title (the start of the comment unless changed), a category and the community.
import { SERVICE_CATEGORIES, TITLE_MAX_LENGTH, type ServiceCategory } from '@lc/domain';
import { App, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { fieldErrorsOf, toFormFieldErrors } from '../../ui/graphqlErrors';
import { ErrorAlert } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { useStreetPlaces } from '../planning/useStreetPlaces';
import { demandTitleOf } from './surveyModel';

const TurnCommentIntoDemandMutation = graphql(`
  mutation TurnCommentIntoDemand(
    $answerId: ID!
    $title: String
    $category: ServiceCategory!
    $communityId: ID!
  ) {
    turnCommentIntoDemand(
      answerId: $answerId
      title: $title
      category: $category
      communityId: $communityId
    ) {
      id
      title
      status
      street {
        id
      }
    }
  }
`);

interface Values {
  title: string;
  category?: ServiceCategory;
  communityId?: string;
}

const FIELDS = ['title', 'category', 'communityId'] as const;

export interface CommentForDemand {
  id: string;
  text: string;
  /** the street whose communities to offer */
  streetId: string | undefined;
  /** a community to preselect (a survey about one) */
  communityId?: string;
}

export function TurnIntoDemandModal({
  comment,
  onClose,
  onDone,
}: {
  comment: CommentForDemand;
  onClose: () => void;
  onDone: (demand: { id: string; title: string; streetId: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const places = useStreetPlaces(comment.streetId);
  const [{ fetching }, turn] = useMutation(TurnCommentIntoDemandMutation);
  const [shownError, setShownError] = useState<CombinedError | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const localize = (m: string) => localizeBilingual(m, i18n.language);

  const onFinish = async (values: Values) => {
    setShownError(null);
    setUnmatched([]);
    const res = await turn(
      {
        answerId: comment.id,
        title: values.title.trim() || null,
        category: values.category as ServiceCategory,
        communityId: values.communityId as string,
      },
      { additionalTypenames: ['Demand', 'SurveyComment'] },
    );
    const demand = res.data?.turnCommentIntoDemand;
    if (res.error || !demand) {
      const mapped = toFormFieldErrors(fieldErrorsOf(res.error), FIELDS);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors.map(localize) })));
      setUnmatched(mapped.unmatched.map(localize));
      setShownError(res.error ?? null);
      return;
    }
    message.success(t('admin:surveyDemandCreated', { title: demand.title }));
    onDone({ id: demand.id, title: demand.title, streetId: demand.street.id });
    onClose();
  };

  return (
    <Modal
      open
      title={t('admin:surveyToDemandTitle')}
      okText={t('admin:surveyToDemand')}
      cancelText={t('common:cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'demand-from-comment-submit' } as ButtonProps}
      destroyOnHidden
    >
      {shownError ? <ErrorAlert error={shownError} extra={unmatched} /> : null}
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }}>
        “{comment.text}”
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="demand-from-comment-form"
        initialValues={{ title: demandTitleOf(comment.text), communityId: comment.communityId }}
        onFinish={onFinish}
      >
        <Form.Item
          name="title"
          label={t('admin:surveyDemandTitleLabel')}
          rules={[{ required: true, whitespace: true, message: t('admin:validationRequired') }]}
        >
          <Input data-testid="demand-from-comment-title" maxLength={TITLE_MAX_LENGTH} showCount />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('admin:surveyDemandCategory')}
          rules={[{ required: true, message: t('admin:validationRequired') }]}
        >
          <Select
            data-testid="demand-from-comment-category"
            virtual={false}
            placeholder={t('admin:surveyDemandPickCategory')}
            options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`enum:category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="communityId"
          label={t('admin:surveyDemandCommunity')}
          rules={[{ required: true, message: t('admin:validationRequired') }]}
        >
          <Select
            data-testid="demand-from-comment-community"
            virtual={false}
            showSearch={{ optionFilterProp: 'label' }}
            loading={places.fetching}
            placeholder={t('admin:surveyDemandPickCommunity')}
            options={places.communities.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('common:empty')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
