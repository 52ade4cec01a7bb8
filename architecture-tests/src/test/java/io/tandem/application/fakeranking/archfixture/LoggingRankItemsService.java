package io.tandem.application.fakeranking.archfixture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Violating fixture: a library outside the JDK in the application layer. */
public final class LoggingRankItemsService {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingRankItemsService.class);
}
