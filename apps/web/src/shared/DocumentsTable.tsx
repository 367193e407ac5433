import { ActionIcon, Button, Group, Table, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDocument } from '../api/download';
import type { ApiProblem } from '../api/problem';
import type { Application, ApplicationDocument } from '../api/types';
import { formatBytes } from './format';
import { documentKindLabel } from './labels';
import { ProblemAlert } from './ProblemAlert';
import { asProblem } from './problems';

interface DocumentsTableProps {
  application: Application;
  /** Given, each row also gets a button that removes its document (an applicant's draft). */
  onRemove?: (document: ApplicationDocument) => Promise<void>;
}

/** An application's documents, each one downloadable; a failed download or removal says why above. */
export function DocumentsTable({ application, onRemove }: DocumentsTableProps) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <>
      {problem && <ProblemAlert problem={problem} />}
      {/* On a phone the table scrolls within its frame, whose buttons the keyboard reaches, not the page. */}
      <Table.ScrollContainer minWidth={480} type="native" mb="md">
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('documents.kind')}</Table.Th>
              <Table.Th scope="col">{t('documents.file')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('documents.size')}
              </Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('documents.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {application.documents.map((document) => (
              <Table.Tr key={document.id}>
                <Table.Td>{documentKindLabel(document.kind)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{document.filename}</Table.Td>
                <Table.Td ta="end">{formatBytes(document.size, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => void act(() => downloadDocument(application.id, document.id, document.filename))}
                      aria-label={t('documents.downloadNamed', { name: document.filename })}
                    >
                      {t('documents.download')}
                    </Button>
                    {onRemove && (
                      <ActionIcon
                        variant="default"
                        color="red"
                        onClick={() => void act(() => onRemove(document))}
                        aria-label={t('documents.removeNamed', { name: document.filename })}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
