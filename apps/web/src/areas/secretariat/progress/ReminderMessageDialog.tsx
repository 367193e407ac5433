import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The API takes messages of at most this many characters. */
const MAX_MESSAGE = 2000;

/**
 * The first step of a reminder: a message of the secretariat's own, optional, which each reminder
 * shows as written; the next step previews the reminders with it.
 */
export function ReminderMessageDialog(props: {
  opened: boolean;
  message: string;
  onChange: (message: string) => void;
  onClose: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation(['secretariat', 'common']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onNext();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('progress.messageTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:dialog.close') }}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <Textarea
            label={t('progress.messageLabel')}
            description={t('progress.messageHint')}
            value={props.message}
            onChange={(event) => props.onChange(event.currentTarget.value)}
            maxLength={MAX_MESSAGE}
            autosize
            minRows={4}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common:dialog.cancel')}
            </Button>
            <Button type="submit">{t('progress.messageNext')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
