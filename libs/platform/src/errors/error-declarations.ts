import type { Translated } from '../languages/languages';

/**
 * How the HTTP edge answers an error code: its status, and a short title in each of the platform's
 * languages (a language left out does not compile).
 */
export interface ErrorDeclaration {
  status: number;
  title: Translated;
}

declare const declared: unique symbol;

/**
 * An error code some context declared with declareErrors. DomainError takes no other, so a code
 * without a status and a title cannot be thrown.
 */
export type ErrorCode<C extends string = string> = C & { readonly [declared]: true };

const DECLARATIONS = new Map<string, ErrorDeclaration>();

/**
 * Declares a context's error codes when its errors module loads (before any of them can be thrown),
 * and answers the codes to throw them with. A code declared again must be declared the same.
 */
export function declareErrors<const T extends Record<string, ErrorDeclaration>>(
  declarations: T,
): { readonly [K in keyof T & string]: ErrorCode<K> } {
  for (const [code, declaration] of Object.entries(declarations)) {
    const earlier = DECLARATIONS.get(code);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(declaration)) {
      throw new Error(`The error code ${code} is declared twice, differently.`);
    }
    DECLARATIONS.set(code, declaration);
  }
  return Object.fromEntries(Object.keys(declarations).map((code) => [code, code])) as {
    readonly [K in keyof T & string]: ErrorCode<K>;
  };
}

export function declarationOf(code: string): ErrorDeclaration | undefined {
  return DECLARATIONS.get(code);
}
