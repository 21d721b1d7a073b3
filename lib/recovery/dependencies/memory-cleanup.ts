import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MemoryControllerService } from '../../memory/memory-controller.service.js';
import { optionalProvider } from './optional-provider.js';

/** The memory controller's cleanup, for the resource-exhaustion self-heal, when the app has one. */
@Injectable()
export class RecoveryMemoryCleanup {
  private readonly memory: () => MemoryControllerService | undefined;

  constructor(moduleRef: ModuleRef) {
    this.memory = optionalProvider(moduleRef, MemoryControllerService);
  }

  /** Runs a critical-level cleanup (an allocation already failed), or `undefined` without a controller. */
  cleaner(): (() => Promise<unknown>) | undefined {
    const memory = this.memory();
    return memory ? () => memory.manualCleanup('critical') : undefined;
  }
}
