package io.tandem.application.registry.port.out;

import io.tandem.domain.model.ChampionChange;

import java.util.Optional;

/**
 * Moves model versions between stages, each call atomically, so a model never has two champions and is
 * never left without one halfway through a change. The store remembers the order in which versions became
 * champion, so a rollback can return to the one before.
 */
public interface ChangeModelStagesPort {

    /**
     * Makes {@code version} the champion of {@code name} and archives the champion it replaces. Promoting the
     * current champion changes nothing and archives nothing.
     *
     * @throws io.tandem.domain.model.ModelNotFoundException for an unknown model or version
     */
    ChampionChange promote(String name, String version);

    /**
     * As {@link #promote}, but only while the current champion is {@code expectedChampion} (empty: no
     * champion), so a decision taken on an older state is never applied to a newer one.
     *
     * @throws io.tandem.domain.model.ModelConflictException when the champion is no longer the expected one
     */
    ChampionChange promoteIfChampionIs(String name, String version, Optional<String> expectedChampion);

    /**
     * Archives the current champion and makes the version that was champion before it champion again, but only
     * while the champion is {@code expectedChampion} and the version a rollback restores is {@code previousChampion}
     * ({@code LoadModelVersionsPort.loadPreviousChampion}), so a version checked before the call is the one
     * restored, never one that became the previous champion meanwhile (a promotion in between, even of the same
     * champion again).
     *
     * @return the change: {@code previousChampion} champion, {@code expectedChampion} archived
     * @throws io.tandem.domain.model.ModelConflictException when the champion or the version before it is another
     *                                                       by now, changing nothing
     * @throws io.tandem.domain.model.ModelNotFoundException for an unknown model
     */
    ChampionChange rollbackTo(String name, String previousChampion, String expectedChampion);
}
