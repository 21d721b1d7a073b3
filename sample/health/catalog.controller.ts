import { Controller, Get, Param } from '@nestjs/common';
import { DegradableFeature, Fallback } from 'nestjs-bulwark';

interface Recommendations {
  userId: string;
  items: string[];
  source: 'personalised' | 'popular';
}

/**
 * Features that switch off under degradation. Try
 * `POST /admin/reliability/degradation/set-level {"level":"MODERATE","reason":"demo"}`.
 */
@Controller('catalog')
export class CatalogController {
  /** Off from MODERATE: the popular items answer instead. */
  @DegradableFeature('recommendations', { disableAt: 'MODERATE' })
  @Fallback('popular')
  @Get('recommendations/:userId')
  recommendations(@Param('userId') userId: string): Recommendations {
    return { userId, items: [`picked-for-${userId}`], source: 'personalised' };
  }

  /** On a controller, a fallback gets the request, then the error. */
  popular(request: { params: { userId: string } }): Recommendations {
    return { userId: request.params.userId, items: ['bestseller'], source: 'popular' };
  }

  /** Off from SEVERE, without a fallback: 503. */
  @DegradableFeature('reviews', { disableAt: 'SEVERE' })
  @Get('reviews')
  reviews(): string[] {
    return ['five stars'];
  }
}
