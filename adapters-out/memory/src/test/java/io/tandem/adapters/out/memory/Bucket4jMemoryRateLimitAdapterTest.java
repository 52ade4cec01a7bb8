package io.tandem.adapters.out.memory;

import io.tandem.application.access.port.out.ConsumeRateLimitPort;
import io.tandem.application.access.port.out.RateLimitContract;

/** The rate limiter's contract on one instance's buckets. */
class Bucket4jMemoryRateLimitAdapterTest extends RateLimitContract {

    @Override
    protected ConsumeRateLimitPort limiter() {
        return new Bucket4jMemoryRateLimitAdapter();
    }
}
