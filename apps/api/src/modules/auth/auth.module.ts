import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { UsersModule } from '../users/users.module.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService, TOKEN_ISSUER } from './auth.service.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SameOriginGuard } from './same-origin.guard.js';

@Module({
  imports: [
    PassportModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.accessSecret)) as unknown as string,
        signOptions: { expiresIn: config.auth.accessTtlSeconds, issuer: TOKEN_ISSUER, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    LoginThrottleService,
    RefreshTokensRepository,
    SameOriginGuard,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
