import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Call } from '../../../api/types';
import type { components } from '../../../api/schema';
import { directionOf } from '../../../i18n';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';

type CircularSettings = components['schemas']['CircularSettingsDto'];
/** The circulars' languages: English and French always written, the other four optional (English where empty). */
type Language = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
const LANGUAGES: Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const OPTIONAL: Language[] = ['ar', 'zh', 'ru', 'es'];

const ADDRESSEES: CircularSettings['addressees'] = [
  'member-state-administrations',
  'sector-members',
  'academia',
  'regulators',
  'regional-international-organizations',
  'united-nations-agencies',
];

type Texts = Record<Language, string>;
/**
 * In the form, every text has all six languages, empty where not written; Annex I empty (in English
 * or French) means "the call's description".
 */
type FormValues = Omit<CircularSettings, 'place' | 'signatory' | 'results' | 'announcement' | 'about'> & {
  place: Texts;
  signatory: { name: string; title: Texts };
  results: { subject: Texts; body: Texts };
  announcement: { subject: Texts; body: Texts };
  about: Texts;
};

function allLanguages(text: Partial<Texts> | null | undefined): Texts {
  return Object.fromEntries(LANGUAGES.map((language) => [language, text?.[language] ?? ''])) as Texts;
}

function formValues(settings: CircularSettings): FormValues {
  return {
    ...settings,
    place: allLanguages(settings.place),
    signatory: { name: settings.signatory.name, title: allLanguages(settings.signatory.title) },
    results: { subject: allLanguages(settings.results.subject), body: allLanguages(settings.results.body) },
    announcement: {
      subject: allLanguages(settings.announcement.subject),
      body: allLanguages(settings.announcement.body),
    },
    about: allLanguages(settings.about),
  };
}

/** A text as the API takes it: English and French, and the optional languages written. */
function written(text: Texts): CircularSettings['place'] {
  return {
    en: text.en,
    fr: text.fr,
    ...Object.fromEntries(OPTIONAL.flatMap((language) => (text[language].trim() ? [[language, text[language]]] : []))),
  };
}

function settingsBody(values: FormValues): CircularSettings {
  return {
    ...values,
    place: written(values.place),
    signatory: { name: values.signatory.name, title: written(values.signatory.title) },
    results: { subject: written(values.results.subject), body: written(values.results.body) },
    announcement: { subject: written(values.announcement.subject), body: written(values.announcement.body) },
    about: values.about.en.trim() && values.about.fr.trim() ? written(values.about) : null,
  };
}

/** How many of a language's texts are empty (the letters print the English instead). */
function missingIn(values: FormValues, language: Language): number {
  const texts: Texts[] = [
    values.place,
    values.signatory.title,
    values.results.subject,
    values.results.body,
    values.announcement.subject,
    values.announcement.body,
    ...(values.about.en.trim() ? [values.about] : []),
  ];
  return texts.filter((text) => !text[language].trim()).length;
}

/**
 * What the call's results circular and announcement say, which the secretariat writes until
 * publication, and the announcement as the public will read it (PDF or web page, in each language).
 */
export function CircularSection({ call }: { call: Call }) {
  const { t } = useTranslation('secretariat');
  const [values, setValues] = useState<FormValues | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  useEffect(() => {
    ok(api.GET('/api/v1/calls/{id}/circular', { params: { path: { id: call.id } } }))
      .then((settings) => setValues(formValues(settings)))
      .catch((error: unknown) => setProblem(asProblem(error)));
  }, [call.id]);
  return (
    <section aria-labelledby="circular">
      <Title order={2} id="circular" mb="sm">
        {t('circular.title')}
      </Title>
      <Text mb="sm">{t('circular.intro')}</Text>
      <AnnouncementPreviews call={call} />
      {problem && !values && <ProblemAlert problem={problem} />}
      {values && <CircularForm call={call} initial={values} />}
    </section>
  );
}

function CircularForm({ call, initial }: { call: Call; initial: FormValues }) {
  const { t } = useTranslation('secretariat');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<FormValues>({ initialValues: initial });
  const editable = call.publishedCohortId === null;
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    setSaved(false);
    try {
      await ok(
        api.PUT('/api/v1/calls/{id}/circular', { params: { path: { id: call.id } }, body: settingsBody(values) }),
      );
      setSaved(true);
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });
  const localized = (path: string, label: string, multiline = false) => (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {LANGUAGES.map((language) => {
        const props = {
          key: language,
          label: t('circular.inLanguage', { label, language: t(`circular.language.${language}`) }),
          lang: language,
          dir: directionOf(language),
          disabled: !editable,
          ...form.getInputProps(`${path}.${language}`),
        };
        return multiline ? <Textarea {...props} autosize minRows={4} /> : <TextInput {...props} />;
      })}
    </SimpleGrid>
  );
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('circular.reference')}
            required
            disabled={!editable}
            {...form.getInputProps('reference')}
          />
          <Text size="sm">{t('circular.optionalLanguages')}</Text>
          <Group gap="xs" aria-label={t('builder.translations.languages')} role="list">
            {OPTIONAL.map((language) => {
              const missing = missingIn(form.values, language);
              return (
                <Badge key={language} role="listitem" variant="light" color={missing > 0 ? 'orange.9' : 'green.9'}>
                  {t(`circular.language.${language}`)} ·{' '}
                  {missing > 0
                    ? t('builder.translations.missing', { number: missing })
                    : t('builder.translations.complete')}
                </Badge>
              );
            })}
          </Group>
          {localized('place', t('circular.place'))}
          <Checkbox.Group label={t('circular.addressees')} {...form.getInputProps('addressees')}>
            <Stack gap={4} mt={4}>
              {ADDRESSEES.map((category) => (
                <Checkbox
                  key={category}
                  value={category}
                  label={t(`circular.addressee.${category}`)}
                  disabled={!editable}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            label={t('circular.signatoryName')}
            disabled={!editable}
            {...form.getInputProps('signatory.name')}
          />
          {localized('signatory.title', t('circular.signatoryTitle'))}
          <Title order={3}>{t('circular.results')}</Title>
          <Text size="sm">{t('circular.resultsPlaceholders')}</Text>
          {localized('results.subject', t('circular.subject'))}
          {localized('results.body', t('circular.body'), true)}
          <Title order={3}>{t('circular.announcement')}</Title>
          <Text size="sm">{t('circular.announcementPlaceholders')}</Text>
          {localized('announcement.subject', t('circular.subject'))}
          {localized('announcement.body', t('circular.body'), true)}
          <Title order={3}>{t('circular.about')}</Title>
          <Text size="sm">{t('circular.aboutHint')}</Text>
          {localized('about', t('circular.about'), true)}
          {problem && <ProblemAlert problem={problem} />}
          {saved && (
            <Text role="status" c="green.8">
              {t('circular.saved')}
            </Text>
          )}
          {editable && (
            <Group>
              <Button type="submit">{t('circular.save')}</Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The announcement needs the bearer token before the call opens, so it is fetched and opened as a file. */
function AnnouncementPreviews({ call }: { call: Call }) {
  const { t } = useTranslation('secretariat');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const open = async (format: 'pdf' | 'html', lang: Language) => {
    setProblem(null);
    try {
      const params = { path: { id: call.id }, query: { lang } };
      const blob = await ok(
        format === 'pdf'
          ? api.GET('/api/v1/calls/{id}/announcement.pdf', { params, parseAs: 'blob' })
          : api.GET('/api/v1/calls/{id}/announcement.html', { params, parseAs: 'blob' }),
      );
      const typed = new Blob([blob], { type: format === 'pdf' ? 'application/pdf' : 'text/html' });
      window.open(URL.createObjectURL(typed), '_blank', 'noopener');
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <>
      <Group gap="xs" mb="sm">
        {LANGUAGES.flatMap((lang) =>
          (['pdf', 'html'] as const).map((format) => (
            <Button key={`${format}-${lang}`} variant="default" size="sm" onClick={() => void open(format, lang)}>
              {t(`circular.preview.${format}`, { language: t(`circular.language.${lang}`) })}
            </Button>
          )),
        )}
      </Group>
      {problem && <ProblemAlert problem={problem} />}
    </>
  );
}
