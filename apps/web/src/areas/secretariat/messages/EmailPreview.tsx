import { Button, Group, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { LANGUAGES } from '../../../i18n';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { Loading } from '../../../shared/States';
import { asProblem } from '../../../shared/problems';

/** What an endpoint that previews a message answers (POST /notifications/previews and its kin). */
export type NotificationPreviews = components['schemas']['NotificationPreviewsDto'];
type Preview = NotificationPreviews['previews'][number];

/** A language's own name ("Français"), since each tab shows a text written in it. */
function languageName(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.name ?? code;
}

/**
 * The messages as their recipients will read them: one tab per language they read (with how many
 * read it), subject and body as sent; one group of tabs per kind of message when there are several
 * (a publication tells the selected, the waitlisted and the others different things).
 */
export function EmailPreview({ previews }: { previews: NotificationPreviews }) {
  const { t } = useTranslation('secretariat');
  const templates = [...new Set(previews.previews.map((p) => p.template))];
  return (
    <Stack gap="md">
      <Text size="sm">
        {previews.recipients === 0 ? t('messages.none') : t('messages.total', { count: previews.recipients })}
      </Text>
      {templates.map((template) => (
        <TemplatePreview
          key={template}
          heading={templates.length > 1 ? templateHeading(template, t) : null}
          previews={previews.previews.filter((p) => p.template === template)}
        />
      ))}
    </Stack>
  );
}

type Translate = ReturnType<typeof useTranslation<'secretariat'>>['t'];

function templateHeading(template: string, t: Translate): string {
  switch (template) {
    case 'cohort.selected':
      return t('messages.templates.cohortSelected');
    case 'cohort.waitlisted':
      return t('messages.templates.cohortWaitlisted');
    case 'cohort.not_selected':
      return t('messages.templates.cohortNotSelected');
    default:
      return template;
  }
}

function TemplatePreview({ heading, previews }: { heading: string | null; previews: Preview[] }) {
  const { t } = useTranslation('secretariat');
  const [first] = previews;
  if (!first) return null;
  const id = (locale: string) => `${first.template}-${locale}`.replace(/\W/g, '-');
  return (
    <section aria-label={heading ?? undefined}>
      {heading && (
        <Title order={3} size="h5" mb="xs">
          {heading}
        </Title>
      )}
      <Tabs defaultValue={first.locale} keepMounted={false}>
        <Tabs.List aria-label={heading ?? t('messages.languages')}>
          {previews.map((preview) => (
            <Tabs.Tab key={preview.locale} value={preview.locale} id={`tab-${id(preview.locale)}`}>
              <span lang={preview.locale}>{languageName(preview.locale)}</span>
              {' · '}
              {t('messages.recipients', { count: preview.recipients })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {previews.map((preview) => (
          <Tabs.Panel key={preview.locale} value={preview.locale} pt="sm">
            <Paper withBorder p="sm">
              <Text size="sm" c="dimmed">
                {t('messages.subject')}
              </Text>
              <Text fw={600} mb="sm" lang={preview.locale} style={{ overflowWrap: 'anywhere' }}>
                {preview.subject}
              </Text>
              <Text size="sm" c="dimmed">
                {t('messages.body')}
              </Text>
              <Text size="sm" lang={preview.locale} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {preview.body}
              </Text>
            </Paper>
          </Tabs.Panel>
        ))}
      </Tabs>
    </section>
  );
}

interface EmailPreviewDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What confirming does, said before the messages. */
  explanation: ReactNode;
  /** Fetches the previews when the dialog opens; it throws the API's problem when refused. */
  load: () => Promise<NotificationPreviews>;
  confirmLabel: string;
  /** Sends (or does what sends); a thrown problem is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  /** Says a refusal; the generic problem alert by default. */
  renderProblem?: (problem: ApiProblem) => ReactNode;
}

/**
 * Confirms a step that sends messages to many people after showing them in every language their
 * recipients read: a focus-trapped dialog (Escape and Cancel close it) that loads the previews when
 * it opens; the confirmation waits until they are shown.
 */
export function EmailPreviewDialog(props: EmailPreviewDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      {/* Mounted at each opening, so that each opening loads the previews afresh. */}
      {props.opened && <DialogContent {...props} />}
    </Modal>
  );
}

function DialogContent({
  onClose,
  explanation,
  load,
  confirmLabel,
  onConfirm,
  renderProblem,
}: EmailPreviewDialogProps) {
  const { t } = useTranslation();
  const [previews, setPreviews] = useState<NotificationPreviews | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => current && setPreviews(loaded),
      (error: unknown) => current && setProblem(asProblem(error)),
    );
    return () => {
      current = false;
    };
    // Loaded once per opening: `load` is a new function at each render of the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirm = async () => {
    setProblem(null);
    setWorking(true);
    try {
      await onConfirm();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Stack>
      <Text>{explanation}</Text>
      {previews ? <EmailPreview previews={previews} /> : !problem && <Loading />}
      {problem && (renderProblem ? renderProblem(problem) : <ProblemAlert problem={problem} />)}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('dialog.cancel')}
        </Button>
        <Button loading={working} disabled={!previews} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
