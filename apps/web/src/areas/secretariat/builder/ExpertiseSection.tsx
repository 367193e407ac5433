import { Fieldset, Select, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { field, Legend, type CallForm } from './call-form-kit';
import type { QuestionRow } from './call-form';

/** The API's limits on the call's keywords (ExpertiseSettingsDto). */
const MAX_KEYWORDS = 200;
const MAX_KEYWORD_LENGTH = 80;

/** Question types whose answers are text an application's topic can be read from (the API's). */
const TOPIC_QUESTION_TYPES: ReadonlyArray<QuestionRow['type']> = ['text', 'longtext', 'choice'];

/**
 * What the automatic assignment matches: the keywords evaluators declare their expertise with and
 * the question whose answer is an application's topic. Changeable until the review starts.
 */
export function ExpertiseSection({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  const { questions, expertise } = form.values;
  const choices = questions
    .filter((q) => TOPIC_QUESTION_TYPES.includes(q.type) && q.key.trim())
    .map((q) => ({
      value: q.key.trim(),
      label: q.label.trim() ? `${q.label.trim()} (${q.key.trim()})` : q.key.trim(),
    }));
  // A question since removed stays visible by its key, so that the refusal is understood.
  const current = expertise.topicQuestionKey;
  const missing = current && !choices.some((c) => c.value === current) ? [{ value: current, label: current }] : [];
  return (
    <Fieldset
      legend={
        <Legend title={t('builder.expertise.title')} locked={locked} lockedLabel={t('builder.expertise.locked')} />
      }
    >
      <Stack>
        <TagsInput
          label={t('builder.expertise.keywords')}
          description={t('builder.expertise.keywordsHint')}
          maxTags={MAX_KEYWORDS}
          maxLength={MAX_KEYWORD_LENGTH}
          splitChars={[',', ';']}
          clearable
          disabled={locked}
          {...field(form, 'expertise.keywords')}
        />
        <Select
          label={t('builder.expertise.topicQuestion')}
          description={t('builder.expertise.topicQuestionHint')}
          data={[{ value: '', label: t('builder.expertise.allTextAnswers') }, ...choices, ...missing]}
          allowDeselect={false}
          disabled={locked}
          {...field(form, 'expertise.topicQuestionKey')}
        />
      </Stack>
    </Fieldset>
  );
}
