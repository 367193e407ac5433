import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { UsersService } from '@app/identity';
import type { RequestWithUser } from '@app/platform/auth/access.decorators';
import { isLanguage, type Language } from '@app/platform/languages';

/** A signed-in reader's saved language, for a request that names none (no `lang`, no Accept-Language). */
export type RequestWithSavedLanguage = RequestWithUser & { savedLanguage?: Language };

/**
 * Reads the caller's saved language when the request says nothing of one, after the guard has
 * signed the caller in and before `ReaderLanguage` decides: one read, by those requests only.
 */
@Injectable()
export class SavedLanguageInterceptor implements NestInterceptor {
  constructor(private readonly users: UsersService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<RequestWithSavedLanguage>();
    const header = request.headers['accept-language'];
    if (request.user && request.query?.lang === undefined && (header === undefined || header.trim() === '')) {
      const { locale } = await this.users.get(request.user.id);
      if (isLanguage(locale)) request.savedLanguage = locale;
    }
    return next.handle();
  }
}
