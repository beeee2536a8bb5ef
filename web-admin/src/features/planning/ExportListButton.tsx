// 导出Excel: one of the three lists of the street as an .xlsx workbook (exportPlanningList).
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import type { PlanningList } from '../../gql/graphql';
import { useErrorMessage } from '../../ui/states';
import { downloadBase64 } from '../menu-import/menuImportFiles';

const ExportPlanningListQuery = graphql(`
  query ExportPlanningList($list: PlanningList!, $regionId: ID!) {
    exportPlanningList(list: $list, regionId: $regionId) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

export function ExportListButton({
  list,
  regionId,
  testId,
}: {
  list: PlanningList;
  regionId: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const client = useClient();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const res = await client
        .query(ExportPlanningListQuery, { list, regionId }, { requestPolicy: 'network-only' })
        .toPromise();
      if (res.error || !res.data) {
        message.error(`${t('admin:planningExportFailed')}: ${errorMessage(res.error)}`);
        return;
      }
      downloadBase64(res.data.exportPlanningList);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="small"
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={() => void run()}
      data-testid={testId}
    >
      {t('admin:planningExport')}
    </Button>
  );
}
