// Excel导入: download the survey's template (one column per question), fill it in from the paper
// forms, check it (every bad row with its column and reason, nothing stored), then import it — all
// rows or none; importing the same file again adds nothing.
import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Result, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { ImportSurveyResponsesMutation } from '../../gql/graphql';
import { fieldErrorsOf } from '../../ui/graphqlErrors';
import { ErrorAlert, useErrorMessage } from '../../ui/states';
import { downloadBase64, isXlsxName, readFileAsBase64, XLSX_ACCEPT } from '../menu-import/menuImportFiles';
import { localizeBilingual } from '../orders/bilingual';

const SurveyResponseTemplateQuery = graphql(`
  query SurveyResponseTemplate($surveyId: ID!) {
    surveyResponseTemplate(surveyId: $surveyId) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

const ImportSurveyResponsesMutation = graphql(`
  mutation ImportSurveyResponses(
    $surveyId: ID!
    $fileName: String!
    $contentBase64: String!
    $dryRun: Boolean
  ) {
    importSurveyResponses(
      surveyId: $surveyId
      fileName: $fileName
      contentBase64: $contentBase64
      dryRun: $dryRun
    ) {
      dryRun
      totalRows
      importedCount
      alreadyImportedCount
      errors {
        row
        field
        message
      }
    }
  }
`);

/** The API's limit on the file. */
export const SURVEY_IMPORT_MAX_MB = 5;

type Outcome = ImportSurveyResponsesMutation['importSurveyResponses'];

export function SurveyImportPanel({
  survey,
  onImported,
}: {
  survey: { id: string; acceptingResponses: boolean; viewerCanManage: boolean };
  onImported?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const client = useClient();
  const [, run] = useMutation(ImportSurveyResponsesMutation);
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [imported, setImported] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'template' | 'check' | 'import' | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const localize = (m: string) => localizeBilingual(m, i18n.language);
  const disabled = !survey.acceptingResponses || !survey.viewerCanManage;

  const template = async () => {
    setBusy('template');
    try {
      const res = await client
        .query(SurveyResponseTemplateQuery, { surveyId: survey.id }, { requestPolicy: 'network-only' })
        .toPromise();
      if (res.error || !res.data) message.error(errorMessage(res.error));
      else downloadBase64(res.data.surveyResponseTemplate);
    } finally {
      setBusy(null);
    }
  };

  const send = async (f: { name: string; contentBase64: string }, dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const res = await run(
        { surveyId: survey.id, fileName: f.name, contentBase64: f.contentBase64, dryRun },
        dryRun ? {} : { additionalTypenames: ['Survey', 'SurveyResponse', 'SurveyComment'] },
      );
      const outcome = res.data?.importSurveyResponses;
      if (res.error || !outcome) {
        setError(res.error ?? null);
        return;
      }
      if (dryRun) setChecked(outcome);
      else {
        setImported(outcome);
        if (outcome.errors.length === 0) onImported?.();
      }
    } finally {
      setBusy(null);
    }
  };

  const pick = async (picked: File) => {
    setChecked(null);
    setImported(null);
    setError(null);
    if (!isXlsxName(picked.name)) {
      message.error(t('admin:surveyImportNotXlsx'));
      return;
    }
    if (picked.size > SURVEY_IMPORT_MAX_MB * 1024 * 1024) {
      message.error(t('admin:surveyImportTooLarge', { mb: SURVEY_IMPORT_MAX_MB }));
      return;
    }
    const f = { name: picked.name, contentBase64: await readFileAsBase64(picked) };
    setFile(f);
    await send(f, true);
  };

  const rows = checked?.errors ?? [];
  const serverFieldErrors = fieldErrorsOf(error).map((f) => localize(f.message));

  return (
    <div data-testid="survey-import">
      <Typography.Paragraph type="secondary">
        {t('admin:surveyImportHelp', { mb: SURVEY_IMPORT_MAX_MB })}
      </Typography.Paragraph>
      {disabled ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            survey.viewerCanManage ? t('admin:surveyPaperNotAccepting') : t('admin:surveyPaperNotManager')
          }
        />
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          icon={<DownloadOutlined />}
          loading={busy === 'template'}
          disabled={!survey.viewerCanManage}
          onClick={() => void template()}
          data-testid="survey-import-template"
        >
          {t('admin:surveyImportTemplate')}
        </Button>
        <Upload
          accept={XLSX_ACCEPT}
          showUploadList={false}
          disabled={disabled || busy !== null}
          beforeUpload={(f) => {
            void pick(f);
            return false;
          }}
        >
          <Button
            icon={<UploadOutlined />}
            loading={busy === 'check'}
            disabled={disabled}
            data-testid="survey-import-file"
          >
            {t('admin:surveyImportPick')}
          </Button>
        </Upload>
      </Space>
      {error ? <ErrorAlert error={error} extra={serverFieldErrors} /> : null}
      {imported ? (
        imported.errors.length === 0 ? (
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            data-testid="survey-import-done"
            title={t('admin:surveyImportDone', { n: imported.importedCount })}
            subTitle={
              imported.alreadyImportedCount > 0
                ? t('admin:surveyImportAlready', { n: imported.alreadyImportedCount })
                : undefined
            }
          />
        ) : (
          <Alert type="error" showIcon title={t('admin:surveyImportFailed')} />
        )
      ) : checked && file ? (
        <div data-testid="survey-import-check">
          <Flex gap={32} style={{ marginBottom: 12 }}>
            <Statistic title={t('admin:surveyImportRows')} value={checked.totalRows} />
            <Statistic
              title={t('admin:surveyImportBadRows')}
              value={new Set(rows.map((r) => r.row)).size}
              styles={{ content: { color: rows.length ? '#cf1322' : undefined } }}
            />
            {checked.alreadyImportedCount > 0 ? (
              <Statistic title={t('admin:surveyImportAlreadyShort')} value={checked.alreadyImportedCount} />
            ) : null}
          </Flex>
          {rows.length > 0 ? (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('admin:surveyImportFix')}
              />
              <Table
                data-testid="survey-import-errors"
                size="small"
                rowKey={(r) => `${r.row}-${r.field ?? ''}-${r.message}`}
                dataSource={rows}
                pagination={rows.length > 20 ? { pageSize: 20 } : false}
                columns={[
                  { title: t('admin:surveyImportRow'), dataIndex: 'row', key: 'row', width: 80 },
                  {
                    title: t('admin:surveyImportColumn'),
                    dataIndex: 'field',
                    key: 'field',
                    render: (f: string | null) => f ?? '—',
                  },
                  {
                    title: t('admin:surveyImportProblem'),
                    dataIndex: 'message',
                    key: 'message',
                    render: (m: string) => localize(m),
                  },
                ]}
              />
            </>
          ) : (
            <Button
              type="primary"
              loading={busy === 'import'}
              disabled={disabled || checked.totalRows - checked.alreadyImportedCount <= 0}
              onClick={() => void send(file, false)}
              data-testid="survey-import-apply"
            >
              {t('admin:surveyImportApply', { n: checked.totalRows - checked.alreadyImportedCount })}
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}
