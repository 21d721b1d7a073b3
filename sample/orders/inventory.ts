import { ConflictException, Injectable } from '@nestjs/common';

/** A reservation of items for one order. */
export interface Reservation {
  id: string;
  items: string[];
}

/** A tiny in-memory stock: reserving takes items, releasing (the compensation) puts them back. */
@Injectable()
export class Inventory {
  private readonly stock = new Map<string, number>([
    ['book', 100],
    ['lamp', 100],
    ['mug', 100],
  ]);

  reserve(orderId: string, items: string[]): Reservation {
    const missing = items.filter((item) => (this.stock.get(item) ?? 0) < 1);
    if (missing.length > 0) throw new ConflictException(`Out of stock: ${missing.join(', ')}`);
    for (const item of items) this.stock.set(item, (this.stock.get(item) ?? 0) - 1);
    return { id: `res-${orderId}`, items };
  }

  release(reservation: Reservation): void {
    for (const item of reservation.items) this.stock.set(item, (this.stock.get(item) ?? 0) + 1);
  }

  available(): Record<string, number> {
    return Object.fromEntries(this.stock);
  }
}
