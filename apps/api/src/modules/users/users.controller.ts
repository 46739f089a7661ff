import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateUserRequest, ResetPasswordRequest, UpdateUserRequest, UserListQuery } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(UserListQuery) query: UserListQuery) {
    return this.users.list(actor.user, query);
  }

  @Get(':id')
  @RequirePermission('users.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.users.get(actor.user, id);
  }

  @Post()
  @RequirePermission('users.manage')
  create(@CurrentActor() actor: AuthenticatedActor, @ZodBody(CreateUserRequest) body: CreateUserRequest) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('users.manage')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateUserRequest) body: UpdateUserRequest,
  ) {
    return this.users.update(actor, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @RequirePermission('users.manage')
  async resetPassword(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ResetPasswordRequest) body: ResetPasswordRequest,
  ) {
    await this.users.resetPassword(actor, id, body);
  }
}
