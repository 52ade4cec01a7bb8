package io.tandem.adapters.out.fakeone.archfixture;

import io.tandem.adapters.out.faketwo.archfixture.FakeTwoClient;

/** Violating fixture: one outbound adapter module using another. */
public final class FakeOneClient {

    private final FakeTwoClient delegate = new FakeTwoClient();
}
