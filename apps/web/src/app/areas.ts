import { accountArea } from '../areas/account/routes';
import { applicantArea } from '../areas/applicant/routes';
import { evaluatorArea } from '../areas/evaluator/routes';
import { publicArea } from '../areas/public/routes';
import { secretariatArea } from '../areas/secretariat/routes';
import type { Area } from './area';

/** Every area of the app, in the order of the header's links. A new area: its routes.tsx and a line here. */
export const AREAS: Area[] = [publicArea, applicantArea, evaluatorArea, secretariatArea, accountArea];
