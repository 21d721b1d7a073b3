import {
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
  type Type,
} from '@nestjs/common';
import { invalidBody } from '../../health/http/invalid-body.js';
import { AdminAuthGuard } from '../../nest/admin/admin-auth.guard.js';
import { DeadLetterQueueService } from '../dead-letter-queue.service.js';
import {
  DeadLetterNotFoundError,
  type DeadLetterMessage,
  type DeadLetterOutcome,
  type DeadLetterStats,
} from '../queue/index.js';
import { parseListQuery } from './list-query.js';

/** Builds the dead-letter routes under the admin group's path (behind the admin key). */
export function createDeadLetterAdminController(prefix: string): Type<unknown> {
  @Controller(prefix)
  @UseGuards(AdminAuthGuard)
  class DeadLetterAdminController {
    constructor(private readonly dlq: DeadLetterQueueService) {}

    /** Messages, newest first (`?limit=&type=&status=`), and the queue's counts. */
    @Get('dlq')
    async list(
      @Query() query: Record<string, unknown>,
    ): Promise<{ messages: DeadLetterMessage[]; stats: DeadLetterStats }> {
      const parsed = parseListQuery(query);
      if (parsed.issues) throw invalidBody('dead-letter query', parsed.issues);
      const [messages, stats] = await Promise.all([this.dlq.list(parsed.query), this.dlq.stats()]);
      return { messages, stats };
    }

    /** Runs the message's handler now; 404 for an unknown id. */
    @Post('dlq/:id/retry')
    @HttpCode(200)
    async retry(@Param('id') id: string): Promise<DeadLetterOutcome> {
      try {
        return await this.dlq.retry(id);
      } catch (error) {
        if (error instanceof DeadLetterNotFoundError) throw new NotFoundException(error.message);
        throw error;
      }
    }
  }
  return DeadLetterAdminController;
}
