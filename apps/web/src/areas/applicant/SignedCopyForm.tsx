import { Button, Group, Input, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { uploadSignedAgreement } from '../../api/upload';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useFileUpload } from '../../shared/useFileUpload';

/**
 * Uploads the centre's signed copy of its agreement, with its progress, as the documents' upload
 * form does; the API checks that the bytes are a PDF and answers 415 otherwise, shown as it comes.
 */
export function SignedCopyForm({ applicationId, replacing }: { applicationId: string; replacing: boolean }) {
  const { t } = useTranslation('applicant');
  const { fileInput, file, setFile, progress, problem, done, upload } = useFileUpload(async (chosen, onProgress) => {
    await uploadSignedAgreement(applicationId, chosen, onProgress);
    return t('agreement.uploaded', { name: chosen.name });
  });
  const label = replacing ? t('agreement.replace') : t('agreement.upload');

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Text fw={600}>{label}</Text>
        <Input.Wrapper label={t('agreement.file')} id="signed-copy-file">
          <input
            ref={fileInput}
            id="signed-copy-file"
            type="file"
            accept=".pdf,application/pdf"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
          />
        </Input.Wrapper>
        {progress !== null && (
          <Progress.Root size="lg">
            <Progress.Section value={Math.round(progress * 100)} aria-label={t('agreement.progress')} />
          </Progress.Root>
        )}
        {problem && <ProblemAlert problem={problem} />}
        {/* In the text colour: Mantine's darkest green is below AA contrast on white. */}
        <div role="status">{done && <Text fw={600}>{done}</Text>}</div>
        <Group>
          <Button onClick={() => void upload()} disabled={!file} loading={progress !== null}>
            {label}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
