// 开始/结束调查: a manager opens a draft (it then takes answers and can no longer be edited) or
// closes an open survey (it then refuses answers), each after a confirmation.
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useErrorMessage } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { nextStatusAction } from './surveyModel';

const OpenSurveyMutation = graphql(`
  mutation OpenSurvey($id: ID!) {
    openSurvey(id: $id) {
      id
      status
      acceptingResponses
      updatedAt
    }
  }
`);

const CloseSurveyMutation = graphql(`
  mutation CloseSurvey($id: ID!) {
    closeSurvey(id: $id) {
      id
      status
      acceptingResponses
      updatedAt
    }
  }
`);

export function SurveyStatusButton({
  survey,
  size,
}: {
  survey: { id: string; title: string; status: string; viewerCanManage: boolean };
  size?: ButtonProps['size'];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [{ fetching: opening }, open] = useMutation(OpenSurveyMutation);
  const [{ fetching: closing }, close] = useMutation(CloseSurveyMutation);
  const action = nextStatusAction(survey.status);
  if (!action || !survey.viewerCanManage) return null;

  const run = async () => {
    const res =
      action === 'open'
        ? await open({ id: survey.id }, { additionalTypenames: ['Survey'] })
        : await close({ id: survey.id }, { additionalTypenames: ['Survey'] });
    if (res.error) {
      const first = res.error.graphQLErrors[0];
      const fields = first?.extensions?.fields;
      const detail =
        Array.isArray(fields) && typeof fields[0]?.message === 'string' ? fields[0].message : null;
      message.error(detail ? localizeBilingual(detail, i18n.language) : errorMessage(res.error));
      return;
    }
    message.success(
      action === 'open'
        ? t('admin:surveyOpened', { title: survey.title })
        : t('admin:surveyClosed', { title: survey.title }),
    );
  };

  return (
    <Popconfirm
      title={action === 'open' ? t('admin:surveyOpenConfirm') : t('admin:surveyCloseConfirm')}
      description={action === 'open' ? t('admin:surveyOpenConfirmHint') : t('admin:surveyCloseConfirmHint')}
      okText={action === 'open' ? t('admin:surveyOpen') : t('admin:surveyClose')}
      cancelText={t('common:cancel')}
      okButtonProps={{ 'data-testid': 'survey-status-confirm', danger: action === 'close' } as ButtonProps}
      onConfirm={() => run()}
    >
      <Button
        size={size}
        type={action === 'open' ? 'primary' : 'default'}
        danger={action === 'close'}
        icon={action === 'open' ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
        loading={opening || closing}
        data-testid={action === 'open' ? 'survey-open' : 'survey-close'}
        onClick={(e) => e.stopPropagation()}
      >
        {action === 'open' ? t('admin:surveyOpen') : t('admin:surveyClose')}
      </Button>
    </Popconfirm>
  );
}
