package io.tandem.adapters.in.cli.imports;

import java.util.Optional;

/**
 * Turns one line of a data file into a record, or into nothing for lines that hold no record (headers, blank
 * lines); a line that is a broken record throws {@link io.tandem.domain.InvalidFieldException} naming the field.
 */
@FunctionalInterface
interface LineParser<T> {

    Optional<T> parse(long number, String text);
}
