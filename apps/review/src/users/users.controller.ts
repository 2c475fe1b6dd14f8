import { AuthRealm, Realms, ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../api-body.util';
import { userNotFound } from '../auth/auth.exception';
import { AuthGuard, CurrentActor, CurrentPrincipal, MinRole } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import {
  ChangeRoleDto,
  changeRoleSchema,
  CreateTokenDto,
  createTokenSchema,
  CreateUserDto,
  createUserSchema,
} from '../auth/dto/auth.dto';
import { Actor, Principal, shopAdmin } from '../auth/principal';

@ApiTags('users')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1')
@AuthRealm(Realms.review)
@UseGuards(AuthGuard)
export class UsersController {
  constructor(private readonly auth: AuthService) {}

  @Get('users')
  @MinRole('lead')
  async list(@CurrentActor() actor: Actor) {
    return { items: await this.auth.listUsers(actor.shopId) };
  }

  @Post('users')
  @MinRole('admin')
  @ApiOperation({ summary: 'Creates a user in the current shop, or gives an existing user a role in it' })
  @ApiZodBody(createUserSchema)
  async create(
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodBodyPipe(createUserSchema)) dto: CreateUserDto,
  ) {
    const id = await this.auth.addUserToShop(shopAdmin(actor, principal), dto);
    return { id, email: dto.email, role: dto.role, shopId: actor.shopId };
  }

  @Patch('users/:id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Changes a user’s role in the current shop; 409 LAST_ADMIN for its only admin' })
  @ApiZodBody(changeRoleSchema)
  async changeRole(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodBodyPipe(changeRoleSchema)) dto: ChangeRoleDto,
  ) {
    if (!(await this.auth.changeRole(id, actor.shopId, dto.role))) throw userNotFound();
    return { id, role: dto.role, shopId: actor.shopId };
  }

  @Delete('users/:id')
  @MinRole('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Takes a user’s role in the current shop away; their account and other shops stay; 409 LAST_ADMIN',
  })
  async remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.auth.removeFromShop(id, actor.shopId))) throw userNotFound();
  }

  @Get('tokens')
  @ApiOperation({
    summary: 'Live API tokens (an admin sees those of every user of the shop, others their own); never the secret',
  })
  async listTokens(@CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return { items: await this.auth.listTokens({ ...shopAdmin(actor, principal), userId: actor.userId }) };
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Creates an API token acting as the caller; the token is shown once' })
  @ApiZodBody(createTokenSchema)
  createToken(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(createTokenSchema)) dto: CreateTokenDto) {
    return this.auth.createApiToken(actor.userId, dto.name);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revokes a token: one’s own, or as admin one of a user whose every shop one administers',
  })
  async revokeToken(
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    await this.auth.revokeApiToken(id, { ...shopAdmin(actor, principal), userId: actor.userId });
  }
}
