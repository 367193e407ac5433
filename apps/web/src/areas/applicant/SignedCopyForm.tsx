import { Button, Group, Input, Paper, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import type { ApiProblem } from '../../api/problem';
import { uploadSignedAgreement } from '../../api/upload';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

/**
 * Uploads the centre's signed copy of its agreement, with its progress, as the documents' upload
 * form does; the API checks that the bytes are a PDF and answers 415 otherwise, shown as it comes.
 */
export function SignedCopyForm({ applicationId, replacing }: { applicationId: string; replacing: boolean }) {
  const { t } = useTranslation('applicant');
  const revalidator = useRevalidator();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const label = replacing ? t('agreement.replace') : t('agreement.upload');

  const upload = async () => {
    if (!file) return;
    setProblem(null);
    setDone(null);
    setProgress(0);
    try {
      await uploadSignedAgreement(applicationId, file, setProgress);
      setDone(t('agreement.uploaded', { name: file.name }));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      await revalidator.revalidate();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setProgress(null);
    }
  };

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
