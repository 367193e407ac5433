import { Call, CallDefinition } from './call';
import { definitionOf } from './call-change';

/** What a copy needs besides its source: a reference of its own and a new window. */
export interface CallCopyInput {
  reference: string;
  /** The source's title marked as a copy when absent. */
  title?: string;
  opensAt: Date;
  closesAt: Date;
}

/** The longest title a call takes (CreateCallDto). */
const MAX_TITLE_LENGTH = 500;
const COPY_MARK = ' (copy)';

/**
 * The definition of a new draft that starts from `source`: its criteria, questions, eligibility,
 * selection, scoring and assignment rules, stages and final ranking rule, with the copy's own
 * reference, title and window, and the translations of its texts but the title. The dates are
 * never carried over (the window, the stages' due dates): they are a past round's, and a copy kept
 * with them would look ready to open when it is not.
 */
export function copiedDefinition(source: Call, input: CallCopyInput): CallDefinition {
  const definition = structuredClone(definitionOf(source));
  return {
    ...definition,
    reference: input.reference,
    title: input.title ?? copyTitle(source.title),
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    stages: definition.stages.map((stage) => ({ ...stage, evaluationDueAt: null })),
    // The copy's title is its own: its translations are written anew, the others' kept.
    translations: Object.fromEntries(
      Object.entries(definition.translations).flatMap(([language, { title: _title, ...rest }]) =>
        Object.keys(rest).length > 0 ? [[language, rest]] : [],
      ),
    ),
  };
}

/** "<title> (copy)", the title shortened so that the mark always fits. */
export function copyTitle(title: string): string {
  return `${title.slice(0, MAX_TITLE_LENGTH - COPY_MARK.length).trimEnd()}${COPY_MARK}`;
}
