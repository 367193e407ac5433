import { Button, Group, MultiSelect, Paper, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import type { ApiProblem } from '../../../api/problem';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { CallHeading } from '../CallHeading';
import { SuccessAlert } from '../SuccessAlert';

type CallExpertise = components['schemas']['CallExpertiseDto'];

/** The API's limit on the free text (DeclareExpertiseDto). */
export const MAX_EXPERTISE_DESCRIPTION = 2000;

/**
 * One call's declaration: keywords from the call's list and free text, saved as a whole. The
 * confirmation and any refusal are announced; a refused keyword is named under the keywords.
 */
export function ExpertiseForm({ call }: { call: CallExpertise }) {
  const { t, i18n } = useTranslation('evaluator');
  const [keywords, setKeywords] = useState<string[]>(call.keywords);
  const [description, setDescription] = useState(call.description);
  const [updatedAt, setUpdatedAt] = useState(call.updatedAt);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const headingId = `expertise-${call.callId}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    setProblem(null);
    try {
      const answer = await ok(
        api.PUT('/api/v1/calls/{id}/expertise/me', {
          params: { path: { id: call.callId } },
          body: { keywords, description },
        }),
      );
      setKeywords(answer.keywords);
      setDescription(answer.description);
      setUpdatedAt(answer.updatedAt);
      setSaved(true);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setSaving(false);
    }
  };

  const errors = problem ? fieldErrors(problem) : {};
  const keywordError = Object.entries(errors).find(([field]) => field.startsWith('keywords'))?.[1];
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setSaved(false);
    };

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="lg" radius="md">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <CallHeading id={headingId} call={call} />
          <Text size="sm">
            {updatedAt
              ? t('expertise.updatedAt', { date: formatDateTime(updatedAt, i18n.language) })
              : t('expertise.notDeclared')}
          </Text>
          {call.availableKeywords.length > 0 ? (
            <MultiSelect
              label={t('expertise.keywords')}
              description={t('expertise.keywordsHint')}
              data={call.availableKeywords}
              value={keywords}
              onChange={edit(setKeywords)}
              searchable
              clearable
              hidePickedOptions
              error={keywordError}
            />
          ) : (
            <Text>{t('expertise.noKeywords')}</Text>
          )}
          <Textarea
            label={t('expertise.description')}
            description={t('expertise.descriptionHint', {
              max: formatNumber(MAX_EXPERTISE_DESCRIPTION, i18n.language),
              used: formatNumber(description.length, i18n.language),
            })}
            autosize
            minRows={3}
            maxLength={MAX_EXPERTISE_DESCRIPTION}
            value={description}
            onChange={(event) => edit(setDescription)(event.currentTarget.value)}
            error={errors.description}
          />
          {problem && <ProblemAlert problem={problem} />}
          {saved && (
            <SuccessAlert role="status" title={t('expertise.saved')}>
              {t('expertise.savedText')}
            </SuccessAlert>
          )}
          <Group>
            <Button type="submit" loading={saving}>
              {t('expertise.save')}
              <VisuallyHidden>{t('expertise.saveContext', { call: call.title })}</VisuallyHidden>
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
