// 导出Excel: the region's satisfaction report for the period as an .xlsx workbook
// (exportSatisfactionReport: overview, by month, by dimension, ranking).
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import { useErrorMessage } from '../../ui/states';
import { downloadBase64 } from '../menu-import/menuImportFiles';

const ExportSatisfactionReportQuery = graphql(`
  query ExportSatisfactionReport($regionId: ID!, $from: DateTime!, $to: DateTime!) {
    exportSatisfactionReport(regionId: $regionId, from: $from, to: $to) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

export function ExportReportButton({
  regionId,
  from,
  to,
  disabled,
}: {
  regionId: string | undefined;
  from: string;
  to: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const client = useClient();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!regionId) return;
    setBusy(true);
    try {
      const res = await client
        .query(ExportSatisfactionReportQuery, { regionId, from, to }, { requestPolicy: 'network-only' })
        .toPromise();
      if (res.error || !res.data) {
        message.error(`${t('admin:dashboardExportFailed')}: ${errorMessage(res.error)}`);
        return;
      }
      downloadBase64(res.data.exportSatisfactionReport);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      disabled={disabled || !regionId}
      onClick={() => void run()}
      data-testid="dashboard-export"
    >
      {t('admin:dashboardExportExcel')}
    </Button>
  );
}
