import { Controller, Get } from '@nestjs/common';
import type { Prediction } from 'nestjs-bulwark';
import { AlertLog } from './alert-log.js';

/** The prediction alerts the sample kept (the library's own view is GET /resilience/predictions). */
@Controller('predictions')
export class PredictionsController {
  constructor(private readonly log: AlertLog) {}

  @Get('alerts')
  alerts(): Prediction[] {
    return this.log.recent();
  }
}
