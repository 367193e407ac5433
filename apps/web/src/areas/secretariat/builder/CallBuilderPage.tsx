import { Alert, Button, Group, List, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useNavigate, useRevalidator, type LoaderFunctionArgs } from 'react-router';
import { api, ifMatch, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Call, Country } from '../../../api/types';
import { PageTitle } from '../../../shared/PageTitle';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { requireStaff } from '../access';
import { callPath } from '../call/call-route';
import { BasicsSection } from './BasicsSection';
import { callValues, newCallValues, type CallFormValues } from './call-form';
import { creationBody, definitionBody, openCallChanges } from './call-body';
import { fieldDomId } from './call-form-kit';
import { CriteriaSection } from './CriteriaSection';
import { EligibilitySection } from './EligibilitySection';
import { ExpertiseSection } from './ExpertiseSection';
import { KindSection } from './KindSection';
import { QuestionsSection } from './QuestionsSection';
import { ScoringSection } from './ScoringSection';
import { SelectionSection } from './SelectionSection';
import { SessionsSection } from './SessionsSection';
import { StagesSection } from './StagesSection';
import { TranslationsSection } from './TranslationsSection';
import { serverFieldErrors } from './server-errors';
import { validateCall } from './validate-call';

async function countries(): Promise<Country[]> {
  return ok(api.GET('/api/v1/countries'));
}

export async function newCallLoader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { call: null as Call | null, countries: await countries() };
}

export async function editCallLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const id = params.callId ?? '';
  const [call, all] = await Promise.all([ok(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })), countries()]);
  return { call: call as Call | null, countries: all };
}

/**
 * Creates a call, or edits one as far as its status allows (the API's `changeable`): a new version
 * read from the API starts the form afresh; a call that can no longer change offers no form.
 */
export function CallBuilderPage() {
  const { call, countries } = useLoaderData<typeof newCallLoader>();
  if (call && call.changeable.length === 0) return <UnchangeableCall call={call} />;
  return <CallBuilder key={call ? `${call.id}@${call.version}` : 'new'} call={call} countries={countries} />;
}

/** Once the cohort is published nothing of the call changes: said once, with the way back. */
function UnchangeableCall({ call }: { call: Call }) {
  const { t } = useTranslation('secretariat');
  return (
    <>
      <PageTitle title={t('builder.editTitle')} overline={call.reference} />
      <Alert color="gray" variant="light" mb="lg" title={t('builder.state.unchangeable.title')}>
        {t('builder.state.unchangeable.explanation')}
      </Alert>
      <Button variant="default" component={Link} to={callPath(call.id)}>
        {t('builder.backToCall')}
      </Button>
    </>
  );
}

/** What can still change of an opened call, in the builder's words, by the fields the API names. */
function lockedNotice(call: Call): 'open' | 'closed' {
  return call.changeable.includes('closesAt') ? 'open' : 'closed';
}

function CallBuilder({ call, countries }: { call: Call | null; countries: Country[] }) {
  const { t } = useTranslation('secretariat');
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const locked = call !== null && call.status !== 'draft';
  const deadlineLocked = locked && !call.changeable.includes('closesAt');
  const expertiseLocked = call !== null && !call.changeable.includes('expertise');
  const translationsLocked = call !== null && !call.changeable.includes('translations');
  const [initialValues] = useState(() => (call ? callValues(call) : newCallValues(Date.now())));
  const form = useForm<CallFormValues>({ initialValues, validate: (values) => validateCall(values, locked) });
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [unplaced, setUnplaced] = useState<Array<[string, string]>>([]);
  const registration = form.values.kind === 'registration';

  const save = form.onSubmit(
    async (values) => {
      setProblem(null);
      setUnplaced([]);
      try {
        const id = await send(call, values, locked);
        await navigate(callPath(id));
        // The call's route stays mounted from the editor to the overview, so it reads the call afresh.
        if (call) await revalidator.revalidate();
      } catch (error) {
        const failure = asProblem(error);
        const errors = serverFieldErrors(failure, values);
        form.setErrors(errors);
        setProblem(failure);
        setUnplaced(Object.entries(errors).filter(([path]) => !document.getElementById(fieldDomId(path))));
        focusFirstError();
      }
    },
    () => focusFirstError(),
  );

  return (
    <>
      <PageTitle title={call ? t('builder.editTitle') : t('builder.newTitle')} overline={call?.reference} />
      {/* A refusal of the whole change (not of a field) is the one message on screen. */}
      {locked && !(problem && problem.status !== 400) && (
        <Alert color="blue" variant="light" mb="lg" title={t(`builder.state.${lockedNotice(call)}.title`)}>
          {t(`builder.state.${lockedNotice(call)}.explanation`)}
        </Alert>
      )}
      <form onSubmit={save} noValidate aria-label={call ? t('builder.editTitle') : t('builder.newTitle')}>
        <Stack gap="xl">
          <KindSection form={form} fixed={call !== null} />
          <BasicsSection form={form} locked={locked} deadlineLocked={deadlineLocked} call={call} />
          {!registration && <CriteriaSection form={form} locked={locked} />}
          <QuestionsSection form={form} locked={locked} />
          <EligibilitySection form={form} locked={locked} countries={countries} />
          {registration ? (
            <SessionsSection
              form={form}
              locked={locked}
              ruleLocked={call !== null && !call.changeable.includes('sessionAllocation')}
            />
          ) : (
            <>
              <SelectionSection form={form} locked={locked} />
              <ScoringSection form={form} locked={locked} />
              <ExpertiseSection form={form} locked={expertiseLocked} />
              <StagesSection form={form} locked={locked} />
            </>
          )}
          <TranslationsSection form={form} locked={translationsLocked} />
          {problem && (
            <div>
              {/* A reference taken is said on its field: the API's words for it are English only. */}
              {!problem.is('REFERENCE_TAKEN') && <ProblemAlert problem={problem} />}
              {unplaced.length > 0 && (
                <List size="sm">
                  {unplaced.map(([path, message]) => (
                    <List.Item key={path}>
                      {path}: {message}
                    </List.Item>
                  ))}
                </List>
              )}
              {problem.is('VERSION_CONFLICT', 'FIELD_LOCKED', 'COHORT_PUBLISHED') && (
                <Button variant="default" onClick={() => void revalidator.revalidate()}>
                  {t('builder.reload')}
                </Button>
              )}
            </div>
          )}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {call ? t('builder.save') : t('builder.create')}
            </Button>
            <Button variant="default" component={Link} to={call ? callPath(call.id) : '/secretariat/calls'}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** Creates or updates the call; answers its id. */
async function send(call: Call | null, values: CallFormValues, locked: boolean): Promise<string> {
  if (!call) return (await ok(api.POST('/api/v1/calls', { body: creationBody(values) }))).id;
  const body = locked ? openCallChanges(values, call) : definitionBody(values, true);
  if (Object.keys(body).length === 0) return call.id;
  const params = { path: { id: call.id }, header: ifMatch(call.version) };
  return (await ok(api.PATCH('/api/v1/calls/{id}', { params, body }))).id;
}

/** After the errors render, the first field in error takes the focus (its message is read with it). */
function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}
