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

  it('read and send the sessions’ titles by key, following a retyped key, and count those left blank', () => {
    const call = {
      ...callWith({ fr: { sessions: { hlps_1: { title: 'Inclusion numérique' } } } }),
      kind: 'registration',
      criteria: [],
      questions: [],
      sessions: [
        { key: 'hlps_1', title: 'Digital inclusion', startsAt: '2040-01-10T08:00:00.000Z', endsAt: null, capacity: 2 },
        { key: 'hlps_2', title: 'Cybersecurity', startsAt: '2040-01-10T10:00:00.000Z', endsAt: null, capacity: 1 },
      ],
      sessionAllocation: { rule: 'receipt' },
    } as unknown as Call;
    const values = callValues(call);
    expect(translationsBody(values)).toEqual({ fr: { sessions: { hlps_1: { title: 'Inclusion numérique' } } } });
    // French lacks the title, the description and the second session's title.
    expect(missingCount(values, 'fr')).toBe(3);

    values.sessions[0]!.key = 'hlps_a';
    values.translations.fr.sessions[values.sessions[1]!.uid] = { title: ' Cybersécurité ' };
    values.translations.es.sessions[values.sessions[1]!.uid] = { title: '  ' };
    expect(translationsBody(values)).toEqual({
      fr: { sessions: { hlps_a: { title: 'Inclusion numérique' }, hlps_2: { title: 'Cybersécurité' } } },
    });
    expect(missingCount(values, 'fr')).toBe(2);
    expect(missingCount(values, 'es')).toBe(4);
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
