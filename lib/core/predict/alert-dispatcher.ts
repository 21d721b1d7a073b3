import type { Unsubscribe } from '../events/index.js';
import type { Prediction } from './prediction.js';

/** Called with a prediction that has just reached a subscriber's confidence. */
export type AlertListener = (prediction: Prediction) => void;

interface Subscriber {
  readonly listener: AlertListener;
  readonly minConfidence: number;
  active: Set<string>;
}

/**
 * Turns successive prediction lists into alerts: each subscriber hears about a prediction
 * (per kind and target) when it reaches the subscriber's confidence, not again while it
 * stays there, and again after it dropped below. A listener that throws changes nothing
 * for the others.
 */
export class AlertDispatcher {
  private readonly subscribers = new Set<Subscriber>();

  subscribe(listener: AlertListener, minConfidence: number): Unsubscribe {
    const subscriber = { listener, minConfidence, active: new Set<string>() };
    this.subscribers.add(subscriber);
    return () => void this.subscribers.delete(subscriber);
  }

  /** Compares the current predictions with the last ones and calls the listeners due. */
  dispatch(predictions: readonly Prediction[]): void {
    for (const subscriber of this.subscribers) {
      const active = new Set<string>();
      for (const prediction of predictions) {
        if (prediction.confidence < subscriber.minConfidence) continue;
        const key = `${prediction.kind}|${prediction.target}`;
        active.add(key);
        if (!subscriber.active.has(key)) notify(subscriber.listener, prediction);
      }
      subscriber.active = active;
    }
  }
}

function notify(listener: AlertListener, prediction: Prediction): void {
  try {
    listener(prediction);
  } catch {
    // An alert consumer's failure must not stop the others or the sampling.
  }
}
