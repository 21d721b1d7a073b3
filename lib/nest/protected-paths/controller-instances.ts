import { Injectable, type Type } from '@nestjs/common';

/** Controller instances by class, recorded at start-up (fallback methods run on them). */
@Injectable()
export class ControllerInstances {
  private readonly instances = new Map<Type<unknown>, object>();

  record(controller: Type<unknown>, instance: object): void {
    this.instances.set(controller, instance);
  }

  /** The instance, or the prototype when the controller is request-scoped. */
  instanceOf(controller: Type<unknown>): object {
    return this.instances.get(controller) ?? (controller.prototype as object);
  }
}
