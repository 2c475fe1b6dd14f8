import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';

/** The shop's users, their roles and API tokens. */
@Module({
  imports: [AuthModule],
  controllers: [UsersController],
})
export class UsersModule {}
