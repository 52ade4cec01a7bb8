package io.tandem.application.fakeranking.archfixture;

import jakarta.inject.Singleton;

/** Violating fixture: a service made a bean by annotation, buckpal's @UseCase mistake. */
@Singleton
public final class SingletonRankItemsService {
}
