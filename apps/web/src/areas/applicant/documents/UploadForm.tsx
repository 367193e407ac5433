import { Button, Group, Input, NativeSelect, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadDocument } from '../../../api/upload';
import { documentKindLabel } from '../../../shared/labels';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useFileUpload } from '../../../shared/useFileUpload';
import { documentFieldId } from './DocumentsSection';

/** The types the API accepts (it checks the bytes, not the name); the browser's picker offers them first. */
const ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/** Attaches one file of a chosen kind, with its progress; the API's 413 and 415 answers are shown as they come. */
export function UploadForm({
  applicationId,
  kinds,
  missing,
}: {
  applicationId: string;
  kinds: string[];
  missing: string[];
}) {
  const { t } = useTranslation('applicant');
  const [kind, setKind] = useState(missing[0] ?? kinds[0] ?? 'other');
  const { fileInput, file, setFile, progress, problem, done, upload } = useFileUpload(async (chosen, onProgress) => {
    const document = await uploadDocument(applicationId, kind, chosen, onProgress);
    return t('upload.done', { name: document.filename });
  });

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Text fw={600}>{t('upload.title')}</Text>
        <NativeSelect
          id={documentFieldId()}
          label={t('upload.kind')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          data={kinds.map((value) => ({ value, label: documentKindLabel(value) }))}
        />
        <Input.Wrapper label={t('upload.file')} description={t('upload.accepted')} id="document-file">
          <input
            ref={fileInput}
            id="document-file"
            type="file"
            accept={ACCEPT}
            aria-describedby="document-file-description"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            style={{ display: 'block', marginTop: 4 }}
          />
        </Input.Wrapper>
        {progress !== null && (
          <Progress.Root size="lg">
            <Progress.Section value={Math.round(progress * 100)} aria-label={t('upload.progress')} />
          </Progress.Root>
        )}
        {problem && <ProblemAlert problem={problem} />}
        {/* In the text colour: Mantine's darkest green is below AA contrast on white. */}
        <div role="status">{done && <Text fw={600}>{done}</Text>}</div>
        <Group>
          <Button onClick={() => void upload()} disabled={!file} loading={progress !== null}>
            {t('upload.button')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
