import type { Provider } from '@nestjs/common';
import { CheckpointService } from '../checkpoints/checkpoint.service.js';
import { DeadLetterQueueService } from '../dlq/dead-letter-queue.service.js';
import { systemClock } from '../core/clock/index.js';
import { AutoRecovery } from '../recovery-plans/auto-recovery.js';
import { RecoveryOrchestrator } from '../recovery-plans/recovery-orchestrator.js';
import { TransactionRunner } from '../transactions/transaction.runner.js';
import { RecoveryMemoryCleanup } from './dependencies/memory-cleanup.js';
import { RecoveryDependencies } from './dependencies/recovery-dependencies.js';
import { ErrorClassifier } from './error-classifier.js';
import { RecoveryBreakers } from './recovery-breakers.js';
import { RecoveryService } from './recovery.service.js';
import { FAILED_WORK_SINK, RECOVERY_CLOCK, RECOVERY_RANDOM } from './recovery.tokens.js';

/** Classification, recovery, checkpoints, transactions and recovery plans. */
export const RECOVERY_PROVIDERS: Provider[] = [
  { provide: RECOVERY_CLOCK, useValue: systemClock },
  { provide: RECOVERY_RANDOM, useValue: Math.random },
  { provide: FAILED_WORK_SINK, useExisting: DeadLetterQueueService },
  RecoveryDependencies,
  RecoveryMemoryCleanup,
  RecoveryBreakers,
  ErrorClassifier,
  CheckpointService,
  RecoveryService,
  TransactionRunner,
  RecoveryOrchestrator,
  AutoRecovery,
];

/** What the module exports of them. */
export const RECOVERY_EXPORTS = [
  ErrorClassifier,
  RecoveryService,
  CheckpointService,
  TransactionRunner,
  RecoveryOrchestrator,
  FAILED_WORK_SINK,
];
