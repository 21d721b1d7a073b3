import { Controller, Get, Module } from '@nestjs/common';
import { BODY, ROUTE } from './messages.js';
import { serve } from './serve.js';

@Controller()
class PlainController {
  @Get(ROUTE)
  hello(): string {
    return BODY;
  }
}

@Module({ controllers: [PlainController] })
class PlainModule {}

await serve(PlainModule);
