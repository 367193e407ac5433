import { MessageFormatElement, isPluralElement, isSelectElement, parse } from '@formatjs/icu-messageformat-parser';
import { LANGUAGES } from '../languages/languages';
import { InvalidTransitionError } from './domain-error';
import { detailTexts } from './problem-details';
import { TRANSITION_DETAILS, TRANSITION_WORDS, type TransitionPart } from './transition-details';

/** The cases each select of a text offers, by the name of its argument. */
function selectCases(text: string): Map<string, Set<string>> {
  const cases = new Map<string, Set<string>>();
  const visit = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (isSelectElement(element)) {
        const known = cases.get(element.value) ?? new Set<string>();
        for (const key of Object.keys(element.options)) known.add(key);
        cases.set(element.value, known);
      }
      if (isSelectElement(element) || isPluralElement(element)) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
    }
  };
  visit(parse(text, { ignoreTag: true }));
  return cases;
}

describe('an invalid transition in each language', () => {
  it('keeps the English of every state machine', () => {
    expect(new InvalidTransitionError('call', 'archived', 'opened').message).toBe(
      'A call that is archived cannot be opened.',
    );
    expect(
      new InvalidTransitionError('cooperation agreement', 'void (its centre was withdrawn)', 'signed').message,
    ).toBe('A cooperation agreement that is void (its centre was withdrawn) cannot be signed.');
    expect(
      new InvalidTransitionError('application', 'draft', 'given an eligibility decision (only submitted ones are)')
        .message,
    ).toBe('A application that is draft cannot be given an eligibility decision (only submitted ones are).');
    expect(new InvalidTransitionError('user', 'an applicant', 'given a staff role').message).toBe(
      'A user that is an applicant cannot be given a staff role.',
    );
  });

  it('has a case for every entity, state and action in every language', () => {
    const texts = detailTexts(TRANSITION_DETAILS.INVALID_TRANSITION)!;
    const missing = LANGUAGES.flatMap((language) => {
      const cases = selectCases(texts[language]);
      return (Object.keys(TRANSITION_WORDS) as TransitionPart[]).flatMap((part) =>
        Object.keys(TRANSITION_WORDS[part])
          .filter((key) => !cases.get(part)?.has(key))
          .map((key) => `${language}: ${part} ${key}`),
      );
    });
    expect(missing).toEqual([]);
  });

  it('says the entity, its state and the action in the reader’s language', () => {
    const error = new InvalidTransitionError('call', 'archived', 'opened');
    expect(error.detailIn('fr')).toBe('Il n’est pas possible d’ouvrir cet appel dont le statut est « archivé ».');
    expect(error.detailIn('es')).toBe('No es posible abrir esta convocatoria cuyo estado es «archivada».');
    expect(error.detailIn('zh')).toBe('处于“已归档”状态的征集不能开放。');
    expect(error.detailIn('ar')).toBe('لا يمكن تنفيذ الإجراء «الفتح» على هذه الدعوة في الحالة «مؤرشفة».');
    expect(error.detailIn('ru')).toBe('Для этого призыва в статусе «в архиве» недоступно действие «открытие».');
    const eligibility = new InvalidTransitionError(
      'application',
      'draft',
      'given an eligibility decision (only submitted ones are)',
    );
    expect(eligibility.detailIn('fr')).toBe(
      'Il n’est pas possible de statuer sur l’éligibilité de cette candidature dont le statut est « brouillon » ; seules les candidatures soumises le permettent.',
    );
  });

  it('says a word no state machine declared as it is, in every language', () => {
    const error = new InvalidTransitionError('teapot', 'cold', 'poured');
    expect(error.message).toBe('A teapot that is cold cannot be poured.');
    expect(error.detailIn('es')).toBe(
      'No es posible realizar la operación «poured» sobre este elemento cuyo estado es «cold».',
    );
  });
});
