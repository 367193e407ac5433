import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../../api/types';
import { callValues, newCallValues } from './call-form';
import { definitionBody, openCallChanges } from './call-body';
import { missingCount, translationsBody } from './call-translations-form';

/** A draft as the API gives it back, from the builder's own body. */
function callWith(translations: Call['translations'], changeable: string[] = []): Call {
  const values = newCallValues(Date.parse('2039-12-01T08:00:00Z'));
  const body = definitionBody({ ...values, reference: 'REF/1', title: 'Call', description: 'About' });
  return {
    ...body,
    id: 'call-1',
    status: 'open',
    version: 1,
    changeable,
    createdAt: '2039-12-01T08:00:00.000Z',
    updatedAt: '2039-12-01T08:00:00.000Z',
    publishedCohortId: null,
    criteria: [{ code: 'IMPACT', title: 'Impact', description: '', weight: 1 }],
    questions: [{ key: 'stage', label: 'Stage', type: 'choice', required: true, options: ['Idea', 'Growth'] }],
    translations,
  } as unknown as Call;
}

describe('the translations of the call builder', () => {
  const french = {
    title: 'Appel',
    criteria: { IMPACT: { title: 'Impact attendu' } },
    questions: { stage: { label: 'Stade', options: ['Idée', 'Croissance'] } },
  };

  it('read a call’s translations back onto its rows and send them as they were', () => {
    const values = callValues(callWith({ fr: french }));
    expect(translationsBody(values)).toEqual({ fr: french });
  });

  it('follow a criterion whose code is retyped, and leave blank texts out', () => {
    const values = callValues(callWith({ fr: french }));
    values.criteria[0]!.code = 'REACH';
    values.translations.fr.title = '  ';
    expect(translationsBody(values)).toEqual({
      fr: { criteria: { REACH: { title: 'Impact attendu' } }, questions: french.questions },
    });
  });

  it('count, per language, the texts English has and it lacks', () => {
    const values = callValues(callWith({ fr: french }));
    // French lacks the description; Arabic everything: title, description, criterion, label, options.
    expect(missingCount(values, 'fr')).toBe(1);
    expect(missingCount(values, 'ar')).toBe(5);
    values.translations.fr.questions[values.questions[0]!.uid]!.options = 'Idée';
    expect(missingCount(values, 'fr')).toBe(2);
  });

  it('send an opened call’s translations only when they changed and may still change', () => {
    const call = callWith({ fr: french }, ['closesAt', 'weights', 'translations']);
    const values = callValues(call);
    expect(openCallChanges(values, call)).toEqual({});
    values.translations.es.title = 'Convocatoria';
    expect(openCallChanges(values, call)).toEqual({ translations: { fr: french, es: { title: 'Convocatoria' } } });
    expect(openCallChanges(values, { ...call, changeable: ['weights'] })).toEqual({});
  });
});
