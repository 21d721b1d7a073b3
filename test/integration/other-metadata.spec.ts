import { Injectable, Module, SetMetadata } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule, OnEvent } from '@nestjs/event-emitter';
import { Cron, ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { ResilienceModule, Retry } from 'nestjs-bulwark';

@Injectable()
class Jobs {
  received: string[] = [];
  attempts = 0;

  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  @Cron('0 0 * * *', { name: 'nightly' })
  @SetMetadata('custom:key', 'custom value')
  async nightly(): Promise<void> {}

  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  @OnEvent('order.created')
  async onOrder(payload: { id: string }): Promise<void> {
    this.attempts++;
    if (this.attempts === 1) throw new Error('first delivery fails');
    this.received.push(payload.id);
  }
}

@Module({
  imports: [
    ResilienceModule.forRoot({ configFile: false }),
    ScheduleModule.forRoot(),
    EventEmitterModule.forRoot(),
  ],
  providers: [Jobs],
})
class AppModule {}

describe('a wrapped method keeps the metadata of other libraries', () => {
  it('@Cron, @OnEvent and SetMetadata still work after wrapping', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const jobs = app.get(Jobs);
      expect(Reflect.getMetadata('custom:key', jobs.nightly)).toBe('custom value');
      expect(app.get(SchedulerRegistry).getCronJob('nightly')).toBeDefined();
      await app.get(EventEmitter2).emitAsync('order.created', { id: 'o-1' });
      expect(jobs.received).toEqual(['o-1']);
      expect(jobs.attempts).toBe(2);
    } finally {
      await app.close();
    }
  });
});
