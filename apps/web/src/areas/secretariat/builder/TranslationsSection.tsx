import { Badge, Fieldset, Grid, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../i18n';
import type { CallForm } from './call-form-kit';
import { Legend } from './call-form-kit';
import {
  TRANSLATION_LANGUAGES,
  criterionRows,
  missingCount,
  type TranslationLanguage,
  type TranslationValues,
} from './call-translations-form';
import { hasOptions } from './question-types';

/**
 * The call's texts in the other official languages, side by side with the English: a tab per
 * language, each saying how many texts it still lacks. Readers see the English, marked as such,
 * where a text is not translated. Changeable until publication.
 */
export function TranslationsSection({ form, locked }: { form: CallForm; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  const [language, setLanguage] = useState<TranslationLanguage>('fr');
  return (
    <Fieldset legend={<Legend title={t('builder.translations.title')} locked={locked} />}>
      <Stack>
        <Text size="sm">{t('builder.translations.intro')}</Text>
        <Tabs value={language} onChange={(next) => next && setLanguage(next as TranslationLanguage)}>
          <Tabs.List aria-label={t('builder.translations.languages')}>
            {TRANSLATION_LANGUAGES.map((code) => {
              const missing = missingCount(form.values, code);
              return (
                <Tabs.Tab
                  key={code}
                  value={code}
                  rightSection={
                    <Badge size="sm" variant="light" color={missing > 0 ? 'orange.9' : 'green.9'}>
                      {missing > 0
                        ? t('builder.translations.missing', { number: missing })
                        : t('builder.translations.complete')}
                    </Badge>
                  }
                >
                  {t(`circular.language.${code}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {TRANSLATION_LANGUAGES.map((code) => (
            <Tabs.Panel key={code} value={code} pt="md">
              {code === language && <LanguageTexts form={form} language={code} locked={locked} />}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Fieldset>
  );
}

function LanguageTexts({ form, language, locked }: { form: CallForm; language: TranslationLanguage; locked: boolean }) {
  const { t } = useTranslation('secretariat');
  const own = form.values.translations[language];
  const update = (change: (current: TranslationValues) => TranslationValues) =>
    form.setFieldValue(`translations.${language}`, change(form.values.translations[language]));
  const languageName = t(`circular.language.${language}`);
  const input = (label: string, value: string, onChange: (value: string) => void, multiline = false) => {
    const props = {
      label: t('circular.inLanguage', { label, language: languageName }),
      lang: language,
      dir: directionOf(language),
      value,
      disabled: locked,
      onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value),
    };
    return multiline ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
  };
  const criteria = criterionRows(form.values).filter((row) => row.code.trim());
  const questions = form.values.questions.filter((row) => row.key.trim());
  const sessions = form.values.sessions.filter((row) => row.key.trim());
  return (
    <Stack gap="md">
      <Grid visibleFrom="md" aria-hidden>
        <Grid.Col span={6}>
          <Title order={3} size="h5">
            {t('builder.translations.source')}
          </Title>
        </Grid.Col>
        <Grid.Col span={6}>
          <Title order={3} size="h5">
            {languageName}
          </Title>
        </Grid.Col>
      </Grid>
      <Row english={form.values.title}>
        {input(t('builder.translations.callTitle'), own.title, (title) => update((c) => ({ ...c, title })))}
      </Row>
      {form.values.description.trim() && (
        <Row english={form.values.description}>
          {input(
            t('builder.translations.description'),
            own.description,
            (description) => update((c) => ({ ...c, description })),
            true,
          )}
        </Row>
      )}
      {criteria.map((row) => {
        const current = own.criteria[row.uid] ?? { title: '', description: '' };
        const set = (part: Partial<typeof current>) =>
          update((c) => ({ ...c, criteria: { ...c.criteria, [row.uid]: { ...current, ...part } } }));
        return (
          <Stack key={row.uid} gap="xs">
            <Row english={row.title}>
              {input(t('builder.translations.criterionTitle', { code: row.code }), current.title, (title) =>
                set({ title }),
              )}
            </Row>
            {row.description.trim() && (
              <Row english={row.description}>
                {input(
                  t('builder.translations.criterionDescription', { code: row.code }),
                  current.description,
                  (description) => set({ description }),
                  true,
                )}
              </Row>
            )}
          </Stack>
        );
      })}
      {questions.map((row) => {
        const current = own.questions[row.uid] ?? { label: '', options: '' };
        const set = (part: Partial<typeof current>) =>
          update((c) => ({ ...c, questions: { ...c.questions, [row.uid]: { ...current, ...part } } }));
        return (
          <Stack key={row.uid} gap="xs">
            <Row english={row.label}>
              {input(t('builder.translations.questionLabel', { key: row.key }), current.label, (label) =>
                set({ label }),
              )}
            </Row>
            {hasOptions(row.type) && row.options.trim() && (
              <Row english={row.options}>
                {input(
                  t('builder.translations.questionOptions', { key: row.key }),
                  current.options,
                  (options) => set({ options }),
                  true,
                )}
              </Row>
            )}
          </Stack>
        );
      })}
      {sessions.map((row) => (
        <Row key={row.uid} english={row.title}>
          {input(
            t('builder.translations.sessionTitle', { key: row.key }),
            own.sessions[row.uid]?.title ?? '',
            (title) => update((c) => ({ ...c, sessions: { ...c.sessions, [row.uid]: { title } } })),
          )}
        </Row>
      ))}
    </Stack>
  );
}

/** The English text on one side, its translation on the other (one above the other on a narrow screen). */
function Row({ english, children }: { english: string; children: ReactNode }) {
  return (
    <Grid align="flex-end">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Text size="sm" lang="en" dir="ltr" style={{ whiteSpace: 'pre-line' }} c="dark.6">
          {english}
        </Text>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>{children}</Grid.Col>
    </Grid>
  );
}
