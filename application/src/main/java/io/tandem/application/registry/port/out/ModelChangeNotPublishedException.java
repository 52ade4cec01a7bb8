package io.tandem.application.registry.port.out;

/** A model stage change could not be published; the change itself stands in the registry. */
public final class ModelChangeNotPublishedException extends RuntimeException {

    public ModelChangeNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
