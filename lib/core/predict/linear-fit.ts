/** A least-squares line through samples: value ≈ intercept + slope × (time − origin). */
export interface LineFit {
  /** Change per millisecond. */
  readonly slope: number;
  /** The fitted value at `origin`. */
  readonly intercept: number;
  readonly origin: number;
  /** Share of the variance the line explains, 0–1 (1 for a flat, noiseless series). */
  readonly r2: number;
  readonly points: number;
  /** Time from the first point to the last. */
  readonly spanMs: number;
}

/** The slope's t statistic: how many standard errors it is from zero. */
export function slopeSignificance({ r2, points }: LineFit): number {
  if (points < 3) return 0;
  return r2 >= 1 ? Infinity : Math.sqrt((r2 * (points - 2)) / (1 - r2));
}

/** Accumulates points and fits an ordinary least-squares line, relative to `origin`. */
export class LineFitter {
  private n = 0;
  private sumT = 0;
  private sumV = 0;
  private sumTT = 0;
  private sumTV = 0;
  private sumVV = 0;
  private first = Infinity;
  private last = -Infinity;

  constructor(private readonly origin: number) {}

  add(at: number, value: number): void {
    const t = at - this.origin;
    this.first = Math.min(this.first, at);
    this.last = Math.max(this.last, at);
    this.n++;
    this.sumT += t;
    this.sumV += value;
    this.sumTT += t * t;
    this.sumTV += t * value;
    this.sumVV += value * value;
  }

  /** The fit, or undefined with fewer than two distinct times. */
  fit(): LineFit | undefined {
    const { n } = this;
    const varT = n * this.sumTT - this.sumT * this.sumT;
    if (n < 2 || varT <= 0) return undefined;
    const covTV = n * this.sumTV - this.sumT * this.sumV;
    const varV = n * this.sumVV - this.sumV * this.sumV;
    const slope = covTV / varT;
    const intercept = (this.sumV - slope * this.sumT) / n;
    const r2 = varV <= 0 ? 1 : (covTV * covTV) / (varT * varV);
    const spanMs = this.last - this.first;
    return { slope, intercept, origin: this.origin, r2, points: n, spanMs };
  }
}
