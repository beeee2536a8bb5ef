// 人员管理 ↔ Excel: export the list or the empty template, and import a filled-in file — a preview
// names every bad row and why; a file without bad rows creates every account at once and shows each
// one-time password this once.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { graphql } from '../../gql';
import type { PreviewStaffImportMutation } from '../../gql/graphql';
import { ErrorAlert } from '../../ui/states';
import { downloadBase64, readFileAsBase64, XLSX_ACCEPT } from '../menu-import/menuImportFiles';

const ExportStaffAccountsQuery = graphql(`
  query ExportStaffAccounts($templateOnly: Boolean) {
    exportStaffAccounts(templateOnly: $templateOnly) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

const PreviewStaffImportMutationDoc = graphql(`
  mutation PreviewStaffImport($fileName: String!, $contentBase64: String!) {
    previewStaffImport(fileName: $fileName, contentBase64: $contentBase64) {
      id
      totalRows
      validRows
      errors {
        row
        field
        message
      }
      rows {
        row
        username
        displayName
        role
      }
    }
  }
`);

const ApplyStaffImportMutation = graphql(`
  mutation ApplyStaffImport($id: ID!) {
    applyStaffImport(id: $id) {
      username
      displayName
      role
      oneTimePassword
    }
  }
`);

type Preview = PreviewStaffImportMutation['previewStaffImport'];

export function AccountsExcel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, previewFile] = useMutation(PreviewStaffImportMutationDoc);
  const [applying, apply] = useMutation(ApplyStaffImportMutation);
  const [created, setCreated] = useState<
    { username: string; displayName: string; oneTimePassword: string }[] | null
  >(null);
  const download = async (templateOnly: boolean) => {
    const r = await client
      .query(ExportStaffAccountsQuery, { templateOnly }, { requestPolicy: 'network-only' })
      .toPromise();
    if (r.data) downloadBase64(r.data.exportStaffAccounts);
    else message.error(r.error?.graphQLErrors[0]?.message ?? t('common:error'));
  };
  return (
    <>
      <Space>
        <Button icon={<DownloadOutlined />} onClick={() => download(false)} data-testid="people-export">
          {t('admin:peopleExport')}
        </Button>
        <Button onClick={() => download(true)}>{t('admin:peopleTemplate')}</Button>
        <Upload
          accept={XLSX_ACCEPT}
          showUploadList={false}
          beforeUpload={async (file) => {
            const content = await readFileAsBase64(file);
            const r = await previewFile({ fileName: file.name, contentBase64: content });
            if (r.data) setPreview(r.data.previewStaffImport);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={previewing.fetching} data-testid="people-import">
            {t('admin:peopleImport')}
          </Button>
        </Upload>
      </Space>
      {preview ? (
        <Modal
          open
          width={760}
          title={t('admin:peopleImportPreview', { valid: preview.validRows, total: preview.totalRows })}
          onCancel={() => setPreview(null)}
          okText={t('admin:peopleImportApply')}
          okButtonProps={{ disabled: preview.errors.length > 0, loading: applying.fetching }}
          onOk={async () => {
            const r = await apply({ id: preview.id });
            if (r.data) {
              setPreview(null);
              setCreated(r.data.applyStaffImport);
              onImported();
            }
          }}
        >
          <ErrorAlert error={applying.error} />
          {preview.errors.length ? (
            <Table
              rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
              size="small"
              pagination={false}
              dataSource={preview.errors}
              columns={[
                { title: t('admin:peopleImportRow'), dataIndex: 'row', width: 70 },
                { title: t('admin:peopleImportColumn'), dataIndex: 'field', width: 160 },
                { title: t('admin:peopleImportProblem'), dataIndex: 'message' },
              ]}
            />
          ) : (
            <Table
              rowKey="row"
              size="small"
              pagination={false}
              dataSource={preview.rows}
              columns={[
                { title: t('admin:peopleImportRow'), dataIndex: 'row', width: 70 },
                { title: t('admin:peopleUsername'), dataIndex: 'username' },
                { title: t('admin:peopleDisplayName'), dataIndex: 'displayName' },
                {
                  title: t('admin:peopleRole'),
                  dataIndex: 'role',
                  render: (r: string) => t(`enum:role.${r}`),
                },
              ]}
            />
          )}
        </Modal>
      ) : null}
      {created ? (
        <Modal
          open
          width={640}
          title={t('admin:peopleOtpTitle')}
          onOk={() => setCreated(null)}
          onCancel={() => setCreated(null)}
          cancelButtonProps={{ style: { display: 'none' } }}
        >
          <Typography.Paragraph type="secondary">{t('admin:peopleOtpHint')}</Typography.Paragraph>
          <Table
            rowKey="username"
            size="small"
            pagination={false}
            dataSource={created}
            columns={[
              { title: t('admin:peopleUsername'), dataIndex: 'username' },
              { title: t('admin:peopleDisplayName'), dataIndex: 'displayName' },
              {
                title: t('admin:peopleOtpColumn'),
                dataIndex: 'oneTimePassword',
                render: (p: string) => (
                  <Typography.Text code copyable>
                    {p}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Modal>
      ) : null}
    </>
  );
}
