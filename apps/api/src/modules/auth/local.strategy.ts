import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { LoginRequest } from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import { Strategy } from 'passport-local';
import { actorOf, type RequestWithUser } from '../../common/route-access.decorator.js';
import { parseOrThrow } from '../../common/validation.js';
import type { UserCredentials } from '../users/users.repository.js';
import { AuthService } from './auth.service.js';
import { LoginThrottledError } from './login-throttle.service.js';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ passReqToCallback: true });
  }

  validate(request: RequestWithUser, username: string, password: string): Promise<UserCredentials> {
    return this.auth.validateLogin(username, password, actorOf(request));
  }
}

/** Validates the body's shape first (400 for bad input), then lets passport-local check it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    request.body = parseOrThrow(LoginRequest, request.body ?? {});
    return super.canActivate(context);
  }

  override handleRequest<TUser>(
    error: unknown,
    user: TUser,
    _info: unknown,
    context: ExecutionContext,
  ): TUser {
    if (error instanceof LoginThrottledError) {
      void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', error.retryAfterSeconds);
    }
    if (error) throw error;
    return user;
  }
}
