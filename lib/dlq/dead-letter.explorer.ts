import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  DEAD_LETTER_HANDLER_METADATA,
  type DeadLetterHandlerMetadata,
} from './dead-letter-handler.decorator.js';
import { DeadLetterQueueService } from './dead-letter-queue.service.js';

/**
 * At start-up, registers every `@DeadLetterHandler` method of the app's providers with the
 * queue, bound to its instance. A type handled twice, or wrong options, stops start-up.
 */
@Injectable()
export class DeadLetterExplorer implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly queue: DeadLetterQueueService,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      // Request-scoped providers have no instance to call at processing time.
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[name];
        if (typeof method !== 'function') continue;
        const metadata = this.reflector.get<DeadLetterHandlerMetadata | undefined>(
          DEAD_LETTER_HANDLER_METADATA,
          method,
        );
        if (!metadata) continue;
        const source = `${prototype.constructor.name}.${name}`;
        this.queue.registerHandler(metadata.type, method.bind(instance), metadata.options, source);
      }
    }
  }
}
