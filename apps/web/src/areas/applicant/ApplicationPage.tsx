import { useTranslation } from 'react-i18next';
import { useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../api/client';
import { requireUser } from '../../app/guards';
import { loadClarifications } from '../../shared/clarifications/load';
import { PageTitle } from '../../shared/PageTitle';
import { loadAgreement } from './AgreementSection';
import { callsOf } from './calls-of';
import { EmailVerificationBanner } from './EmailVerificationBanner';
import { loadOffer } from './OfferSection';
import { DraftApplication } from './draft/DraftApplication';
import { SubmittedApplication } from './SubmittedApplication';

const OUTCOMES: string[] = ['selected', 'waitlisted', 'not_selected', 'withdrawn_from_cohort'];

export async function applicationLoader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ['applicant']);
  const application = await ok(
    api.GET('/api/v1/applications/{id}', { params: { path: { id: params.applicationId ?? '' } } }),
  );
  // A draft has no questions: the panel asks only about submitted applications. Only a published
  // outcome comes with an offer of a place, and an accepted offer with a cooperation agreement:
  // both are asked for at once (a 404 says there is none).
  const [calls, clarifications, offer, agreement] = await Promise.all([
    callsOf([application.callId]),
    application.status === 'draft' ? null : loadClarifications(application.id, request),
    OUTCOMES.includes(application.status) ? loadOffer(application.id) : null,
    OUTCOMES.includes(application.status) ? loadAgreement(application.id) : null,
  ]);
  return { application, call: calls.get(application.callId) ?? null, clarifications, offer, agreement };
}

export function ApplicationPage() {
  const { t } = useTranslation('applicant');
  const { application, call, clarifications, offer, agreement } = useLoaderData<typeof applicationLoader>();
  return (
    <>
      <PageTitle
        title={call?.title ?? t('applications.callOutOfSight')}
        overline={call?.kind === 'registration' ? t('reply.overline') : t('application.overline')}
      />
      {application.status === 'draft' && <EmailVerificationBanner />}
      {application.status === 'draft' && call ? (
        // Keyed by id: another application's page starts from its own answers.
        <DraftApplication key={application.id} application={application} call={call} />
      ) : (
        <SubmittedApplication
          application={application}
          call={call}
          clarifications={clarifications}
          offer={offer}
          agreement={agreement}
        />
      )}
    </>
  );
}
