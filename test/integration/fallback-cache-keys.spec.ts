import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Fallback, ResilienceModule } from 'nestjs-bulwark';

/** An argument that counts how often it is serialised (a fallback cache key is its JSON). */
class Item {
  static serialised = 0;
  constructor(
    readonly name: string,
    readonly unavailable = false,
  ) {}
  toJSON(): { name: string } {
    Item.serialised++;
    return { name: this.name };
  }
}

@Injectable()
class Prices {
  @Fallback({ cache: { ttlMs: 60_000 }, defaultValue: 'no price' })
  async cached(item: Item): Promise<string> {
    if (item.unavailable) throw new Error('pricing down');
    return `price of ${item.name}`;
  }

  @Fallback({ defaultValue: 'no price' })
  async uncached(item: Item): Promise<string> {
    if (item.unavailable) throw new Error('pricing down');
    return `price of ${item.name}`;
  }
}

@Module({ imports: [ResilienceModule.forRoot({})], providers: [Prices] })
class PricesModule {}

describe('@Fallback cache keys on a provider method', () => {
  let app: INestApplicationContext;
  let prices: Prices;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [PricesModule] }).compile();
    app = await moduleRef.init();
    prices = app.get(Prices);
  });

  afterAll(async () => app.close());

  beforeEach(() => {
    Item.serialised = 0;
  });

  it('keeps a last good result per distinct arguments', async () => {
    expect(await prices.cached(new Item('tea'))).toBe('price of tea');
    expect(await prices.cached(new Item('milk'))).toBe('price of milk');
    expect(await prices.cached(new Item('milk', true))).toBe('price of milk');
    expect(await prices.cached(new Item('tea', true))).toBe('price of tea');
    expect(await prices.cached(new Item('sugar', true))).toBe('no price');
    expect(Item.serialised).toBe(5);
  });

  it('never serialises the arguments of a fallback that keeps no cache', async () => {
    expect(await prices.uncached(new Item('tea'))).toBe('price of tea');
    expect(await prices.uncached(new Item('tea', true))).toBe('no price');
    expect(Item.serialised).toBe(0);
  });
});
