import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  downloadExport,
  type ExportFormat,
  type ExportQueries,
  type ExportTable,
} from '../../api/download';
import type { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';
import { useCall } from './call/call-route';

interface Props<Table extends ExportTable> {
  table: Table;
  /** The filters and order the page shows, which the export keeps. */
  query: ExportQueries[Table];
}

/** Downloads one of the call's tables as CSV or an Excel workbook; a failed export says why. */
export function ExportButtons<Table extends ExportTable>({ table, query }: Props<Table>) {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    setProblem(null);
    try {
      await downloadExport(call.id, table, format, query);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Group gap="xs">
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            variant="default"
            size="sm"
            loading={busy === format}
            disabled={busy !== null && busy !== format}
            onClick={() => void download(format)}
          >
            {t(`exports.${table}.${format}`)}
          </Button>
        ))}
      </Group>
      {problem && <ProblemAlert problem={problem} />}
    </>
  );
}
