import { ZodBodyPipe } from '@draftdesk/platform';
import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody } from '../api-body.util';
import { AuthGuard, CurrentActor, MinRole } from './auth.guard';
import { AuthService } from './auth.service';
import { CreateTokenDto, createTokenSchema, CreateUserDto, createUserSchema } from './dto/auth.dto';
import type { Actor } from './principal';

@ApiTags('users')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1')
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
  async create(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(createUserSchema)) dto: CreateUserDto) {
    const id = await this.auth.upsertUser({ ...dto, shopId: actor.shopId });
    return { id, email: dto.email, role: dto.role, shopId: actor.shopId };
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Creates an API token acting as the caller; the token is shown once' })
  @ApiZodBody(createTokenSchema)
  createToken(@CurrentActor() actor: Actor, @Body(new ZodBodyPipe(createTokenSchema)) dto: CreateTokenDto) {
    return this.auth.createApiToken(actor.userId, dto.name);
  }

  @Delete('tokens/:id')
  @MinRole('admin')
  @HttpCode(204)
  async revokeToken(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.auth.revokeApiToken(id, actor.shopId))) throw new NotFoundException({ code: 'TOKEN_NOT_FOUND', message: 'no such token' });
  }
}
