import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule, SAMPLE_ROUTES } from './app.module.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  console.log(`nestjs-bulwark sample listening on ${base}`);
  console.log(`  Dashboard: ${base}/resilience/dashboard   Prometheus: ${base}/metrics`);
  console.log(
    process.env.REDIS_URL
      ? '  Store: Redis (REDIS_URL): rate limits and shared breakers span every instance'
      : '  Store: memory (set REDIS_URL=redis://127.0.0.1:6379 to share them across instances)',
  );
  for (const route of SAMPLE_ROUTES) {
    const [method, path] = route.split(/\s+/);
    console.log(
      `  ${method.padEnd(4)} ${base}${path}${route.slice(route.indexOf(path) + path.length)}`,
    );
  }
}

void bootstrap();
