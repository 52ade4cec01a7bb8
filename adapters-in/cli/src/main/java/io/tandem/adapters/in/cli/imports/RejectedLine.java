package io.tandem.adapters.in.cli.imports;

/** A line of an input file that was refused: where it is, the field at fault, why, and the line itself. */
record RejectedLine(String file, long line, String field, String message, String input) {

    /** Compiler style, {@code u.data:12: value: must be a number}, so editors and people can jump to it. */
    String describe() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
