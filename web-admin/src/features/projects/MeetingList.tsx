// The meetings of a project (三会), in the order they were held: kind, date, place, attendees
// and residents' representatives, the vote as a small bar, outcome, resolution, the minutes
// (collapsible) and the attached files (download; upload for whoever may change the project).
import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES } from '@lc/domain';
import { App, Button, Card, Empty, Flex, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { graphql } from '../../gql';
import type { ProjectDetailQuery } from '../../gql/graphql';
import { fieldErrorsOf } from '../../ui/graphqlErrors';
import { useErrorMessage } from '../../ui/states';
import { downloadBase64 } from '../menu-import/menuImportFiles';
import { localizeBilingual } from '../orders/bilingual';
import { formatDateTime } from '../orders/ordersModel';
import { MEETING_COLORS, OUTCOME_COLORS, voteSegments } from './projectModel';

const AddMeetingAttachmentMutation = graphql(`
  mutation AddMeetingAttachment($meetingId: ID!, $file: Upload!) {
    addMeetingAttachment(meetingId: $meetingId, file: $file) {
      id
      fileName
      mimeType
      sizeBytes
    }
  }
`);

const MeetingAttachmentContentQuery = graphql(`
  query MeetingAttachmentContent($id: ID!) {
    meetingAttachmentContent(id: $id) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

type Meeting = NonNullable<ProjectDetailQuery['project']>['meetings'][number];

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xlsx,.txt';
const VOTE_COLORS = { for: '#52c41a', against: '#ff4d4f', abstain: '#bfbfbf' } as const;

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function VoteBar({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const segments = voteSegments(meeting);
  if (segments.length === 0) return null;
  const label = t('admin:meetingVotes', {
    for: meeting.votesFor ?? 0,
    against: meeting.votesAgainst ?? 0,
    abstain: meeting.votesAbstain ?? 0,
  });
  return (
    <Flex align="center" gap={8} data-testid="meeting-votes">
      <div
        role="img"
        aria-label={label}
        style={{
          display: 'flex',
          width: 160,
          height: 8,
          borderRadius: 4,
          overflow: 'hidden',
          background: '#f0f0f0',
        }}
      >
        {segments.map((s) => (
          <div key={s.key} style={{ width: `${s.width}%`, background: VOTE_COLORS[s.key] }} />
        ))}
      </div>
      <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
    </Flex>
  );
}

function Attachments({
  meeting,
  canUpload,
  onChanged,
}: {
  meeting: Meeting;
  canUpload: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const client = useClient();
  const [, add] = useMutation(AddMeetingAttachmentMutation);
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async (id: string) => {
    setDownloading(id);
    try {
      const res = await client
        .query(MeetingAttachmentContentQuery, { id }, { requestPolicy: 'network-only' })
        .toPromise();
      if (res.error || !res.data) message.error(errorText(res.error));
      else downloadBase64(res.data.meetingAttachmentContent);
    } finally {
      setDownloading(null);
    }
  };

  const upload = async (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(t('admin:meetingAttachmentTooLarge', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }));
      return;
    }
    setUploading(true);
    try {
      // sent as a GraphQL multipart request: the file travels as a file, not base64
      const res = await add({ meetingId: meeting.id, file }, { additionalTypenames: ['MeetingAttachment'] });
      if (res.error) {
        const fields = fieldErrorsOf(res.error);
        message.error(
          fields.length
            ? fields.map((f) => localizeBilingual(f.message, i18n.language)).join('；')
            : errorText(res.error),
        );
        return;
      }
      message.success(t('admin:meetingAttachmentAdded', { name: file.name }));
      onChanged();
    } catch {
      message.error(t('common:error'));
    } finally {
      setUploading(false);
    }
  };

  if (meeting.attachments.length === 0 && !canUpload) return null;
  return (
    <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
      <PaperClipOutlined />
      {meeting.attachments.map((a) => (
        <Button
          key={a.id}
          size="small"
          icon={<DownloadOutlined />}
          loading={downloading === a.id}
          onClick={() => void download(a.id)}
          data-testid="meeting-attachment"
          data-file-name={a.fileName}
        >
          {a.fileName} <Typography.Text type="secondary">({fileSize(a.sizeBytes)})</Typography.Text>
        </Button>
      ))}
      {meeting.attachments.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('admin:meetingNoAttachments')}
        </Typography.Text>
      ) : null}
      {canUpload ? (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          multiple={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Tooltip title={t('admin:meetingAttachmentHint', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 })}>
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={uploading}
              data-testid="meeting-attachment-upload"
            >
              {t('admin:meetingAttachmentUpload')}
            </Button>
          </Tooltip>
        </Upload>
      ) : null}
    </Flex>
  );
}

export function MeetingList({
  meetings,
  canChange,
  onChanged,
}: {
  meetings: readonly Meeting[];
  canChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  if (meetings.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin:meetingNone')} />;
  return (
    <Flex vertical gap={12}>
      {meetings.map((m) => (
        <Card
          key={m.id}
          size="small"
          data-testid="meeting-item"
          data-kind={m.kind}
          data-outcome={m.outcome}
          title={
            <Flex gap={8} align="center" wrap>
              <Tag color={MEETING_COLORS[m.kind]} style={{ marginInlineEnd: 0 }}>
                {t(`enum:meetingKind.${m.kind}`)}
              </Tag>
              <Typography.Text>{formatDateTime(m.heldAt)}</Typography.Text>
              {m.place ? (
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                  {m.place}
                </Typography.Text>
              ) : null}
            </Flex>
          }
          extra={
            <Tag
              color={OUTCOME_COLORS[m.outcome]}
              data-testid="meeting-outcome-tag"
              style={{ marginInlineEnd: 0 }}
            >
              {t(`enum:meetingOutcome.${m.outcome}`)}
            </Tag>
          }
        >
          <Flex gap={16} wrap align="center" style={{ marginBottom: 6 }}>
            <Typography.Text>{t('admin:meetingAttendeesCount', { count: m.attendees })}</Typography.Text>
            <VoteBar meeting={m} />
          </Flex>
          {m.representatives.length ? (
            <Flex gap={4} wrap align="center" style={{ marginBottom: 6 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('admin:meetingRepresentatives')}
                {t('admin:planningColon')}
              </Typography.Text>
              {m.representatives.map((r) => (
                <Tag key={r} style={{ marginInlineEnd: 0 }}>
                  {r}
                </Tag>
              ))}
            </Flex>
          ) : null}
          <Typography.Paragraph style={{ marginBottom: 6 }} data-testid="meeting-resolution-text">
            <Typography.Text strong>
              {t('admin:meetingResolution')}
              {t('admin:planningColon')}
            </Typography.Text>
            {m.resolution}
          </Typography.Paragraph>
          <Typography.Paragraph
            type="secondary"
            style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
            ellipsis={{
              rows: 2,
              expandable: 'collapsible',
              symbol: (expanded) => t(expanded ? 'admin:meetingMinutesLess' : 'admin:meetingMinutesMore'),
            }}
          >
            {t('admin:meetingMinutes')}
            {t('admin:planningColon')}
            {m.minutes}
          </Typography.Paragraph>
          <Attachments meeting={m} canUpload={canChange} onChanged={onChanged} />
        </Card>
      ))}
    </Flex>
  );
}
