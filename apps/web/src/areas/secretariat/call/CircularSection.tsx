import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Call } from '../../../api/types';
import type { components } from '../../../api/schema';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';

type CircularSettings = components['schemas']['CircularSettingsDto'];
type Language = 'en' | 'fr';
const LANGUAGES: Language[] = ['en', 'fr'];
const ADDRESSEES: CircularSettings['addressees'] = [
  'member-state-administrations',
  'sector-members',
  'academia',
  'regulators',
  'regional-international-organizations',
  'united-nations-agencies',
];

/** In the form, Annex I is two texts, empty meaning "the call's description". */
type FormValues = Omit<CircularSettings, 'about'> & { about: Record<Language, string> };

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
      .then((settings) => setValues({ ...settings, about: settings.about ?? { en: '', fr: '' } }))
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
    const about = values.about.en.trim() && values.about.fr.trim() ? values.about : null;
    try {
      await ok(
        api.PUT('/api/v1/calls/{id}/circular', { params: { path: { id: call.id } }, body: { ...values, about } }),
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
