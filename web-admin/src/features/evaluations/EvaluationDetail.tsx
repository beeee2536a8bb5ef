// One evaluation unfolded in the list: the eight scores, the findings with their training
// tracks, the suggestions and the photos (downloaded on demand).
import { PaperClipOutlined } from '@ant-design/icons';
import { DIMENSIONS } from '@lc/domain';
import { App, Button, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useErrorMessage } from '../../ui/states';
import { scoreColor } from '../dashboard/dashboardModel';
import { downloadBase64 } from '../menu-import/menuImportFiles';
import { trackColor } from './TrainingNeedsPanel';

export const EvaluationDetail_EvaluationFragment = graphql(`
  fragment EvaluationDetail_EvaluationFragment on Evaluation {
    id
    suggestions
    scores {
      dimension
      score
    }
    findings {
      id
      track
      text
    }
    photos {
      id
      fileName
      sizeBytes
    }
  }
`);

const EvaluationPhotoContentQuery = graphql(`
  query EvaluationPhotoContent($id: ID!) {
    evaluationPhotoContent(id: $id) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

export function EvaluationDetail({
  evaluation,
}: {
  evaluation: FragmentType<typeof EvaluationDetail_EvaluationFragment>;
}) {
  const { t } = useTranslation();
  const e = useFragment(EvaluationDetail_EvaluationFragment, evaluation);
  const client = useClient();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const byDim = new Map(e.scores.map((s) => [s.dimension as string, s.score]));

  const download = async (id: string) => {
    const res = await client
      .query(EvaluationPhotoContentQuery, { id }, { requestPolicy: 'network-only' })
      .toPromise();
    if (res.error || !res.data) message.error(errorMessage(res.error));
    else downloadBase64(res.data.evaluationPhotoContent);
  };

  return (
    <div data-testid="evaluation-detail" style={{ padding: '4px 8px' }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 4 }} style={{ marginBottom: 12 }}>
        {DIMENSIONS.map((d) => {
          const s = byDim.get(d);
          return (
            <Descriptions.Item key={d} label={t(`enum:dimension.${d}`)}>
              <Tag
                color={scoreColor(s === undefined ? null : s * 10)}
                data-testid={`evaluation-detail-score-${d}`}
              >
                {s === undefined ? '—' : s.toFixed(1)}
              </Tag>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      <Typography.Text strong>{t('admin:evaluationFindings')}</Typography.Text>
      {e.findings.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('admin:evaluationNoFindings')}</Typography.Text>
        </div>
      ) : (
        <div>
          {e.findings.map((f) => (
            <Flex
              key={f.id}
              gap={8}
              align="start"
              data-testid="evaluation-finding"
              style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <Tag color={trackColor(f.track)}>{t(`enum:trainingTrack.${f.track}`)}</Tag>
              <span>{f.text}</span>
            </Flex>
          ))}
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>{t('admin:evaluationSuggestions')}：</Typography.Text>
        <Typography.Text>{e.suggestions ?? '—'}</Typography.Text>
      </div>
      {e.photos.length > 0 ? (
        <Space wrap style={{ marginTop: 8 }}>
          {e.photos.map((p) => (
            <Button key={p.id} size="small" icon={<PaperClipOutlined />} onClick={() => void download(p.id)}>
              {p.fileName}
            </Button>
          ))}
        </Space>
      ) : null}
    </div>
  );
}
