package io.tandem.adapters.shared.fakejson.archfixture;

/** Conforming fixture: shared adapter code, a leaf on the JDK alone that adapters may use. */
public final class ItemJson {

    public static String encode(String id) {
        return "{\"id\":\"" + id + "\"}";
    }
}
