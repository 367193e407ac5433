import { Injectable, OnModuleInit } from '@nestjs/common';
import { CallerStates } from '@app/platform';
import { UsersRepository } from '../infrastructure/users.repository';

/** Gives the access guard the users' current state (role, active, token version, live session). */
@Injectable()
export class CallerStateRegistration implements OnModuleInit {
  constructor(
    private readonly callers: CallerStates,
    private readonly users: UsersRepository,
  ) {}

  onModuleInit(): void {
    this.callers.useSource({ read: (userId, sessionId) => this.users.callerState(userId, sessionId) });
  }
}
