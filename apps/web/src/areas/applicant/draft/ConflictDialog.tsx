import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answers, Application, Question } from '../../../api/types';
import { answersPatch } from './local-drafts';

interface ConflictDialogProps {
  theirs: Application;
  mine: Answers;
  questions: Question[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/**
 * The draft was saved elsewhere (another tab, a colleague) after this page read it. Nothing is
 * lost while the applicant decides: what they typed stays in the form and in this browser.
 */
export function ConflictDialog({ theirs, mine, questions, onKeepMine, onTakeTheirs }: ConflictDialogProps) {
  const { t } = useTranslation('applicant');
  const differing = Object.keys(answersPatch(theirs.answers, mine));
  const labels = differing.map((key) => questions.find((q) => q.key === key)?.label ?? key);
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('conflict.title')}
      size="lg"
    >
      <Stack>
        <Text>{t('conflict.explanation')}</Text>
        {labels.length > 0 && (
          <div>
            <Text fw={600}>{t('conflict.differing', { count: labels.length })}</Text>
            <List>
              {labels.map((label) => (
                <List.Item key={label}>{label}</List.Item>
              ))}
            </List>
          </div>
        )}
        <Text>{t('conflict.choose')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onTakeTheirs}>
            {t('conflict.takeTheirs')}
          </Button>
          <Button onClick={onKeepMine} data-autofocus>
            {t('conflict.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
