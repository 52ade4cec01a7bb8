package io.tandem.adapters.out.faketwo.archfixture;

/** Fixture: the adapter that {@code FakeOneClient} wrongly depends on. */
public final class FakeTwoClient {
}
