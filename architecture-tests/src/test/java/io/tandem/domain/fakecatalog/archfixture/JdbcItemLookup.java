package io.tandem.domain.fakecatalog.archfixture;

import java.sql.Connection;

/** Violating fixture: JDBC in the domain; java.sql is in the JDK, so only the framework-free rule sees it. */
public final class JdbcItemLookup {

    private final Connection connection;

    public JdbcItemLookup(Connection connection) {
        this.connection = connection;
    }
}
