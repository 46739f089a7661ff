import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { ChangePasswordRequest, LoginRequest, type LoginResponse, type SessionUser } from '@xiaoshi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, Public, RequirePermission, type RequestWithUser } from '../../common/route-access.decorator.js';
import { ZodBody } from '../../common/validation.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { UserCredentials } from '../users/users.repository.js';
import { AuthService, type IssuedSession } from './auth.service.js';
import { LocalAuthGuard } from './local.strategy.js';
import { SameOriginGuard } from './same-origin.guard.js';

export const REFRESH_COOKIE = 'xs_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

/**
 * `GET /api/me` bodies, serialised once per user object. The access guard hands every request
 * with the same remembered token the same frozen user (access.guard.ts), so repeated calls reuse
 * the JSON text instead of stringifying the permission list each time; a user object built for a
 * single request is simply collected with its entry.
 */
const sessionBodies = new WeakMap<AuthUser, string>();

function sessionBody(user: AuthUser): string {
  let body = sessionBodies.get(user);
  if (body === undefined) {
    const session: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: [...user.permissions],
      unit: user.unit,
      mustChangePassword: user.mustChangePassword,
    };
    body = JSON.stringify(session);
    sessionBodies.set(user, body);
  }
  return body;
}

/** The refresh cookie of a request. Cookies are not parsed for every request (app.factory.ts). */
function refreshCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header ? request.server.parseCookie(header)[REFRESH_COOKIE] : undefined;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private respond(reply: FastifyReply, session: IssuedSession): LoginResponse {
    void reply
      .setCookie(REFRESH_COOKIE, session.refreshToken, {
        httpOnly: true,
        secure: this.config.auth.cookieSecure,
        sameSite: 'strict',
        path: REFRESH_COOKIE_PATH,
        expires: session.refreshExpiresAt,
      })
      .header('cache-control', 'no-store');
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @UseGuards(SameOriginGuard, LocalAuthGuard)
  @ApiBody({ schema: z.toJSONSchema(LoginRequest, { target: 'openapi-3.0' }) as never })
  async login(
    @Req() request: RequestWithUser & { user: unknown },
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.respond(reply, await this.auth.startSession(request.user as unknown as UserCredentials, actor));
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(SameOriginGuard)
  async refresh(
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    return this.respond(reply, await this.auth.refresh(refreshCookieOf(request), actor));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @Public()
  @UseGuards(SameOriginGuard)
  async logout(
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(refreshCookieOf(request), actor);
    void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  }

  @Post('auth/change-password')
  @HttpCode(204)
  @RequirePermission('me.update')
  async changePassword(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(ChangePasswordRequest) body: ChangePasswordRequest,
  ): Promise<void> {
    await this.auth.changePassword(actor, body);
  }

  /**
   * Who am I: answered from the verified token alone, without touching the database. The body is
   * a `SessionUser` as JSON text (see `sessionBody`), sent with the JSON content type Fastify
   * gives serialised objects, so Fastify passes it through as it is.
   */
  @Get('me')
  @RequirePermission('me.read')
  me(@CurrentActor() actor: AuthenticatedActor, @Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('application/json; charset=utf-8');
    return sessionBody(actor.user);
  }
}
