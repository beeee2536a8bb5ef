// Excel for a service menu: export it, download the empty template, and (for whoever keeps the
// menu) import a filled-in file: preview every bad row with its reason, then apply the whole file
// in one go while a progress bar follows the server's progress.
import { DownloadOutlined, FileExcelOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { ServiceMenu } from '@lc/domain';
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Progress,
  Result,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { PreviewMenuImportMutation as PreviewResult } from '../../gql/graphql';
import { fieldErrorsOf } from '../../ui/graphqlErrors';
import { ErrorAlert, useErrorMessage } from '../../ui/states';
import {
  downloadBase64,
  isXlsxName,
  MENU_IMPORT_MAX_BYTES,
  MENU_IMPORT_MAX_ROWS,
  readFileAsBase64,
  uploadPercent,
  XLSX_ACCEPT,
} from './menuImportFiles';

const ExportServiceMenuQuery = graphql(`
  query ExportServiceMenu($menu: ServiceMenu!, $regionId: ID!, $templateOnly: Boolean) {
    exportServiceMenu(menu: $menu, regionId: $regionId, templateOnly: $templateOnly) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

const PreviewMenuImportMutation = graphql(`
  mutation PreviewMenuImport($input: PreviewMenuImportInput!) {
    previewMenuImport(input: $input) {
      id
      status
      fileName
      totalRows
      validRows
      createRows
      updateRows
      unchangedRows
      errors {
        row
        field
        message
      }
      rows(first: 50) {
        row
        code
        name
        category
        action
      }
    }
  }
`);

const ApplyMenuImportMutation = graphql(`
  mutation ApplyMenuImport($id: ID!) {
    applyMenuImport(id: $id) {
      id
      status
      progress
      createdCount
      updatedCount
    }
  }
`);

const MenuImportProgressQuery = graphql(`
  query MenuImportProgress($id: ID!) {
    menuImport(id: $id) {
      id
      status
      progress
    }
  }
`);

const POLL_MS = 300;
const PREVIEW_ROWS = 50;

type Preview = PreviewResult['previewMenuImport'];

type Stage =
  | { kind: 'pick'; error?: CombinedError; problem?: string }
  | { kind: 'reading'; fileName: string; percent: number }
  | { kind: 'preview'; preview: Preview; error?: CombinedError }
  | { kind: 'applying'; preview: Preview; percent: number }
  | { kind: 'done'; created: number; updated: number };

export interface MenuImportExportProps {
  menu: ServiceMenu;
  /** the menu's owner: the district for DISTRICT and MOBILE, the street for STREET_FEATURE */
  regionId: string;
  /** whether the signed-in official keeps this menu (shows the import button) */
  canEdit: boolean;
  /** called once after an import was applied, e.g. to refetch the menu */
  onApplied?: () => void;
}

export function MenuImportExport({ menu, regionId, canEdit, onApplied }: MenuImportExportProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const client = useClient();
  const [exporting, setExporting] = useState<'menu' | 'template' | null>(null);
  const [open, setOpen] = useState(false);

  const download = async (templateOnly: boolean) => {
    setExporting(templateOnly ? 'template' : 'menu');
    try {
      const res = await client
        .query(ExportServiceMenuQuery, { menu, regionId, templateOnly }, { requestPolicy: 'network-only' })
        .toPromise();
      if (res.error || !res.data) {
        message.error(`${t('admin:menuImportExportFailed')}: ${errorMessage(res.error)}`);
        return;
      }
      downloadBase64(res.data.exportServiceMenu);
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <Space wrap>
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting === 'menu'}
          onClick={() => void download(false)}
          data-testid="menu-export-button"
        >
          {t('admin:menuImportExport')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting === 'template'}
          onClick={() => void download(true)}
          data-testid="menu-template-button"
        >
          {t('admin:menuImportTemplate')}
        </Button>
        {canEdit && (
          <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="menu-import-button">
            {t('admin:menuImportOpen')}
          </Button>
        )}
      </Space>
      {canEdit && open && (
        <MenuImportDrawer
          menu={menu}
          regionId={regionId}
          onClose={() => setOpen(false)}
          onApplied={onApplied}
        />
      )}
    </>
  );
}

/** Mounted to open, unmounted on close: each opening starts from the file picker. */
function MenuImportDrawer({
  menu,
  regionId,
  onClose,
  onApplied,
}: {
  menu: ServiceMenu;
  regionId: string;
  onClose: () => void;
  onApplied?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const busy = stage.kind === 'reading' || stage.kind === 'applying';

  const pick = async (file: File) => {
    if (!isXlsxName(file.name)) {
      setStage({ kind: 'pick', problem: t('admin:menuImportNotXlsx') });
      return;
    }
    if (file.size > MENU_IMPORT_MAX_BYTES) {
      setStage({
        kind: 'pick',
        problem: t('admin:menuImportTooLarge', { mb: MENU_IMPORT_MAX_BYTES / 1024 / 1024 }),
      });
      return;
    }
    setStage({ kind: 'reading', fileName: file.name, percent: 0 });
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(file, (f) => {
        if (alive.current)
          setStage({ kind: 'reading', fileName: file.name, percent: uploadPercent('reading', f) });
      });
    } catch {
      if (alive.current) setStage({ kind: 'pick', problem: t('admin:menuImportNotXlsx') });
      return;
    }
    // The server's check has no progress of its own: ease towards 95% until it answers.
    let waited = 0;
    const timer = setInterval(() => {
      waited += 1;
      if (alive.current)
        setStage({
          kind: 'reading',
          fileName: file.name,
          percent: uploadPercent('checking', 1 - Math.pow(0.85, waited)),
        });
    }, 200);
    const res = await client
      .mutation(PreviewMenuImportMutation, {
        input: { menu, regionId, fileName: file.name, contentBase64 },
      })
      .toPromise();
    clearInterval(timer);
    if (!alive.current) return;
    if (res.error || !res.data) setStage({ kind: 'pick', error: res.error });
    else setStage({ kind: 'preview', preview: res.data.previewMenuImport });
  };

  const apply = async (preview: Preview) => {
    setStage({ kind: 'applying', preview, percent: 0 });
    let polling = true;
    const poll = async () => {
      while (polling && alive.current) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!polling || !alive.current) break;
        const p = await client
          .query(MenuImportProgressQuery, { id: preview.id }, { requestPolicy: 'network-only' })
          .toPromise();
        const progress = p.data?.menuImport?.progress;
        if (polling && alive.current && typeof progress === 'number')
          setStage((s) =>
            s.kind === 'applying' ? { ...s, percent: Math.max(s.percent, Math.round(progress * 100)) } : s,
          );
      }
    };
    void poll();
    const res = await client.mutation(ApplyMenuImportMutation, { id: preview.id }).toPromise();
    polling = false;
    if (!alive.current) return;
    const applied = res.data?.applyMenuImport;
    if (res.error || !applied) {
      setStage({ kind: 'preview', preview, error: res.error });
      return;
    }
    setStage({ kind: 'done', created: applied.createdCount, updated: applied.updatedCount });
    message.success(
      t('admin:menuImportDone', { created: applied.createdCount, updated: applied.updatedCount }),
    );
    onApplied?.();
  };

  return (
    <Drawer
      open
      title={t('admin:menuImportTitle', { menu: t(`enum:menu.${menu}`) })}
      size={760}
      onClose={onClose}
      maskClosable={!busy}
      closable={!busy}
      destroyOnHidden
      data-testid="menu-import-drawer"
    >
      {stage.kind === 'pick' && (
        <Flex vertical gap={16}>
          {stage.problem && <Alert type="error" showIcon title={stage.problem} />}
          {stage.error && <UploadError error={stage.error} />}
          <Upload.Dragger
            accept={XLSX_ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
            data-testid="menu-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('admin:menuImportPick')}</p>
            <p className="ant-upload-hint">
              {t('admin:menuImportPickHint', {
                rows: MENU_IMPORT_MAX_ROWS.toLocaleString(),
                mb: MENU_IMPORT_MAX_BYTES / 1024 / 1024,
              })}
            </p>
          </Upload.Dragger>
        </Flex>
      )}

      {stage.kind === 'reading' && (
        <Flex vertical gap={8}>
          <Typography.Text>
            {stage.percent < 40 ? t('admin:menuImportReading') : t('admin:menuImportChecking')}{' '}
            {stage.fileName}
          </Typography.Text>
          <Progress
            percent={stage.percent}
            status="active"
            data-testid="menu-import-progress"
            data-stage="upload"
          />
        </Flex>
      )}

      {(stage.kind === 'preview' || stage.kind === 'applying') && (
        <PreviewView
          preview={stage.preview}
          error={stage.kind === 'preview' ? stage.error : undefined}
          applyingPercent={stage.kind === 'applying' ? stage.percent : null}
          onApply={() => void apply(stage.preview)}
          onRepick={() => setStage({ kind: 'pick' })}
        />
      )}

      {stage.kind === 'done' && (
        <Result
          status="success"
          title={t('admin:menuImportDone', { created: stage.created, updated: stage.updated })}
          data-testid="menu-import-done"
          extra={
            <Button type="primary" onClick={onClose}>
              {t('admin:menuImportClose')}
            </Button>
          }
        />
      )}
    </Drawer>
  );
}

/** Why the server refused the file (unreadable, too large, no headers …) or the request failed. */
function UploadError({ error }: { error: CombinedError }) {
  const fields = fieldErrorsOf(error);
  if (!fields.length) return <ErrorAlert error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="menu-import-upload-error"
      title={fields.map((f) => f.message).join('；')}
    />
  );
}

function PreviewView({
  preview,
  error,
  applyingPercent,
  onApply,
  onRepick,
}: {
  preview: Preview;
  error?: CombinedError;
  applyingPercent: number | null;
  onApply: () => void;
  onRepick: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const applying = applyingPercent !== null;
  const badRows = new Set(preview.errors.map((e) => e.row)).size;
  const canApply = preview.errors.length === 0 && preview.validRows > 0 && !applying;
  const rowProps = (testId: string) => () => ({ 'data-testid': testId }) as HTMLAttributes<HTMLElement>;

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{preview.fileName}</Typography.Text>
      <Flex gap={32} wrap>
        <Statistic title={t('admin:menuImportStatTotal')} value={preview.totalRows} />
        <Statistic title={t('admin:menuImportActionCREATE')} value={preview.createRows} />
        <Statistic title={t('admin:menuImportActionUPDATE')} value={preview.updateRows} />
        <Statistic title={t('admin:menuImportActionUNCHANGED')} value={preview.unchangedRows} />
        <Statistic
          title={t('admin:menuImportStatBad')}
          value={badRows}
          styles={{ content: badRows ? { color: '#cf1322' } : undefined }}
        />
      </Flex>

      {error && (
        <Alert
          type="error"
          showIcon
          title={t('admin:menuImportFailed')}
          description={fieldErrorsOf(error)[0]?.message ?? errorMessage(error)}
          data-testid="menu-import-apply-error"
        />
      )}

      {preview.totalRows === 0 && <Alert type="warning" showIcon title={t('admin:menuImportNoRows')} />}

      {preview.errors.length > 0 && (
        <>
          <Alert type="error" showIcon title={t('admin:menuImportHasErrors', { n: badRows })} />
          <Table
            size="small"
            rowKey={(e) => `${e.row}|${e.field ?? ''}|${e.message}`}
            dataSource={preview.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={rowProps('menu-import-error-row')}
            data-testid="menu-import-errors"
            title={() => t('admin:menuImportErrorsTitle')}
            columns={[
              { title: t('admin:menuImportColRow'), dataIndex: 'row', width: 72 },
              {
                title: t('admin:menuImportColColumn'),
                dataIndex: 'field',
                width: 170,
                render: (f: string | null) => f ?? t('admin:menuImportWholeRow'),
              },
              {
                title: t('admin:menuImportColReason'),
                dataIndex: 'message',
                render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text>,
              },
            ]}
          />
        </>
      )}

      {preview.validRows > 0 && (
        <Table
          size="small"
          rowKey="row"
          dataSource={preview.rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="menu-import-rows"
          title={() => t('admin:menuImportRowsTitle', { n: Math.min(PREVIEW_ROWS, preview.validRows) })}
          columns={[
            { title: t('admin:menuImportColRow'), dataIndex: 'row', width: 72 },
            {
              title: t('admin:menuImportColCode'),
              dataIndex: 'code',
              width: 150,
              render: (c: string | null) => c ?? '—',
            },
            { title: t('admin:menuImportColName'), dataIndex: 'name' },
            {
              title: t('admin:menuImportColCategory'),
              dataIndex: 'category',
              width: 100,
              render: (c: string) => t(`enum:category.${c}`),
            },
            {
              title: t('admin:menuImportColAction'),
              dataIndex: 'action',
              width: 90,
              render: (a: string) => (
                <Tag color={a === 'CREATE' ? 'green' : a === 'UPDATE' ? 'blue' : 'default'}>
                  {t(`admin:menuImportAction${a}`)}
                </Tag>
              ),
            },
          ]}
        />
      )}

      {applying && (
        <Flex vertical gap={4}>
          <Typography.Text>{t('admin:menuImportApplying')}</Typography.Text>
          <Progress
            percent={applyingPercent}
            status="active"
            data-testid="menu-import-progress"
            data-stage="apply"
          />
        </Flex>
      )}

      <Typography.Text type="secondary">{t('admin:menuImportAllOrNothing')}</Typography.Text>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onRepick} disabled={applying}>
          {t('admin:menuImportRepick')}
        </Button>
        <Button
          type="primary"
          disabled={!canApply}
          loading={applying}
          onClick={onApply}
          data-testid="menu-import-apply"
        >
          {t('admin:menuImportApply')}
        </Button>
      </Flex>
    </Flex>
  );
}
