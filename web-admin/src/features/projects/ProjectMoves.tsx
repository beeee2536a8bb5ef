// The move buttons of a project and what a refused move says. Every move the transition table
// offers from the status is a button — also one the server does not allow yet, so the official
// can try it and read why not. A refusal naming a missing meeting (听证会 / 评议会) shows in an
// alert with a shortcut to record that meeting; a move someone else made first refreshes.
import type { MeetingKind, ProjectStatus } from '@lc/domain';
import { Alert, App, Button, Flex, Popconfirm, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { errorCodeOf } from '../../ui/graphqlErrors';
import { useErrorMessage } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { firstErrorMessage, meetingKindsFor, missingMeetingOf, moveButtons } from './projectModel';

const TransitionProjectMutation = graphql(`
  mutation TransitionProject($id: ID!, $to: ProjectStatus!) {
    transitionProject(id: $id, to: $to) {
      id
      status
      viewerTransitions
      viewerCanChange
      nextMeeting
      nextMeetingAt
      nextMeetingPlace
    }
  }
`);

export interface MoveRefusal {
  to: ProjectStatus;
  message: string;
  missingMeeting: MeetingKind | null;
}

const testIdProps = (testId: string) => ({ 'data-testid': testId }) as ButtonProps;

export function ProjectMoves({
  project,
  onMoved,
  onRefusal,
}: {
  project: {
    id: string;
    title: string;
    status: ProjectStatus;
    publiclyFunded: boolean;
    viewerCanChange: boolean;
    viewerTransitions: readonly ProjectStatus[];
  };
  /** the project changed (moved, or moved by someone else first): refetch it */
  onMoved: () => void;
  onRefusal: (refusal: MoveRefusal | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const [{ fetching }, transition] = useMutation(TransitionProjectMutation);
  const [busy, setBusy] = useState<ProjectStatus | null>(null);
  const buttons = moveButtons(project);

  const move = async (to: ProjectStatus) => {
    setBusy(to);
    const res = await transition({ id: project.id, to }, { additionalTypenames: ['Project', 'Demand'] });
    setBusy(null);
    if (!res.error) {
      onRefusal(null);
      message.success(t('admin:projectMoved', { status: t(`enum:projectStatus.${to}`) }));
      onMoved();
      return;
    }
    const code = errorCodeOf(res.error);
    if (code === 'CONFLICT') {
      onRefusal(null);
      message.warning(t('admin:projectConflict'));
      onMoved();
      return;
    }
    if (code === 'BAD_USER_INPUT') {
      const own = firstErrorMessage(res.error);
      onRefusal({
        to,
        message: own ? localizeBilingual(own, i18n.language) : errorText(res.error),
        missingMeeting: missingMeetingOf(res.error),
      });
      return;
    }
    message.error(errorText(res.error));
  };

  if (buttons.length === 0) return null;
  return (
    <Flex gap={8} wrap data-testid="project-moves">
      {buttons.map((b) => {
        const label = t(`admin:projectMoveTo${b.to}`);
        const hint = b.needsMeeting
          ? t('admin:projectMoveNeeds', { meeting: t(`enum:meetingKind.${b.needsMeeting}`) })
          : undefined;
        const button = (
          <Button
            type={b.primary ? 'primary' : 'default'}
            danger={b.danger}
            loading={busy === b.to}
            disabled={fetching && busy !== b.to}
            onClick={b.danger ? undefined : () => void move(b.to)}
            data-testid={`project-move-${b.to}`}
            data-allowed={b.allowed ? 'true' : 'false'}
          >
            {label}
          </Button>
        );
        if (b.danger)
          return (
            <Popconfirm
              key={b.to}
              title={t('admin:projectRejectConfirm', { title: project.title })}
              okText={t('common:confirm')}
              cancelText={t('common:cancel')}
              okButtonProps={{ danger: true, ...testIdProps('project-move-confirm') }}
              cancelButtonProps={testIdProps('project-move-cancel')}
              onConfirm={() => move(b.to)}
            >
              {button}
            </Popconfirm>
          );
        return hint ? (
          <Tooltip key={b.to} title={hint}>
            {button}
          </Tooltip>
        ) : (
          <span key={b.to}>{button}</span>
        );
      })}
    </Flex>
  );
}

/** Why the last move was refused, with the shortcut to record the missing meeting. */
export function MoveRefusalAlert({
  refusal,
  status,
  canRecord,
  onRecord,
  onClose,
}: {
  refusal: MoveRefusal;
  status: ProjectStatus;
  canRecord: boolean;
  onRecord: (kind: MeetingKind) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const kind = refusal.missingMeeting;
  const recordable = kind !== null && canRecord && meetingKindsFor(status).includes(kind);
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      data-testid="project-move-error"
      data-missing-meeting={kind ?? ''}
      style={{ marginBottom: 16 }}
      title={t('admin:projectMoveRefused', { status: t(`enum:projectStatus.${refusal.to}`) })}
      description={
        <Flex vertical gap={8} align="flex-start">
          <span data-testid="project-move-error-message" style={{ fontSize: 15 }}>
            {refusal.message}
          </span>
          {recordable ? (
            <Button
              type="primary"
              size="small"
              onClick={() => onRecord(kind)}
              data-testid="project-move-record-meeting"
            >
              {t(`admin:projectRecordMissing${kind}`)}
            </Button>
          ) : null}
        </Flex>
      }
    />
  );
}
